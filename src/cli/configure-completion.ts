import type { Command } from '@commander-js/extra-typings';
import { Argument, type Option } from './commander.js';

type CommanderOption = InstanceType<typeof Option>;
import {
  valueKindOf,
  type CompletionCommand,
  type CompletionOption,
  type CompletionTree,
} from '../core/completion/completion-tree.js';
import type { CliRuntime } from './runtime.js';

type AnyCommand = Command<unknown[], Record<string, unknown>>;

/**
 * `completion bash|zsh|fish` prints a completion script made from the command tree commander
 * holds for this very run (every command configured), so a new flag is completed as soon as it exists.
 */
export function configureCompletion(command: Command, rt: CliRuntime): void {
  command
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish'] as const))
    .addHelpText(
      'after',
      '\nbash:  source <(tc-webhook completion bash)        (add the line to ~/.bashrc)\n' +
        'zsh:   source <(tc-webhook completion zsh)         (in ~/.zshrc, after compinit)\n' +
        'fish:  tc-webhook completion fish > ~/.config/fish/completions/tc-webhook.fish\n',
    )
    .action(async (shell) => {
      const program = command.parent;
      if (!program) return;
      const tree = completionTree(program);
      const { renderCompletion } = await import('../core/completion/render-completion.js');
      rt.io.stdout.write(renderCompletion(shell, tree));
    });
}

function optionsOf(cmd: AnyCommand): CompletionOption[] {
  const help = cmd.createHelp();
  return help.visibleOptions(cmd).map((option) => describeOption(option, help.optionDescription(option)));
}

function describeOption(option: CommanderOption, description: string): CompletionOption {
  const takesValue = option.required || option.optional;
  const placeholder = option.flags.replace(/^[^<[]*/, '');
  return {
    ...(option.long ? { long: option.long } : {}),
    ...(option.short ? { short: option.short } : {}),
    description: option.description || description,
    takesValue,
    ...(option.argChoices ? { choices: [...option.argChoices] } : {}),
    values: takesValue ? valueKindOf(placeholder) : 'none',
  };
}

export function completionTree(program: AnyCommand): CompletionTree {
  const help = program.createHelp();
  const commands: CompletionCommand[] = help.visibleCommands(program).map((sub) => ({
    name: sub.name(),
    description: sub.description(),
    options: optionsOf(sub as AnyCommand),
    arguments: help.visibleArguments(sub).map((argument) => ({
      ...(argument.argChoices ? { choices: [...argument.argChoices] } : {}),
      values: valueKindOf(argument.name()),
    })),
  }));
  return { program: program.name(), options: optionsOf(program), commands };
}
