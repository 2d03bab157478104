/** What a shell completion script knows of the CLI: taken from the command tree, never written by hand. */

/** How the value of an option or argument is completed. */
export type ValueKind = 'none' | 'file' | 'folder';

export interface CompletionOption {
  /** `--type`, and `-t` when there is a short form. */
  long?: string;
  short?: string;
  description: string;
  /** The option takes a value (the next word, or `--name=value`). */
  takesValue: boolean;
  /** The allowed values, when the option has a fixed list. */
  choices?: string[];
  values: ValueKind;
}

export interface CompletionArgument {
  choices?: string[];
  values: ValueKind;
}

export interface CompletionCommand {
  name: string;
  description: string;
  options: CompletionOption[];
  arguments: CompletionArgument[];
}

export interface CompletionTree {
  program: string;
  /** The program's own options (--help, --version, --verbose). */
  options: CompletionOption[];
  commands: CompletionCommand[];
}

export type CompletionShell = 'bash' | 'zsh' | 'fish';

/** A placeholder such as `<file>`, `<path|url>` or `<folder>` says what the value is. */
export function valueKindOf(placeholder: string): ValueKind {
  if (/folder|dir/i.test(placeholder)) return 'folder';
  if (/file|path/i.test(placeholder)) return 'file';
  return 'none';
}
