/**
 * The process boundary (with src/cli/): reads argv and the environment, registers the commands with
 * commander, renders each command's report, writes stdout/stderr and returns the exit code from the
 * one table in errors.ts.
 */
import { readFileSync } from 'node:fs';
import { VERSION } from './build-info.js';
import { COMMANDS, invokedCommand } from './cli/command-table.js';
import { watchInterrupt } from './cli/interrupt.js';
import { buildContext, type CliRuntime, type ProcessIo } from './cli/runtime.js';
import { describeError, errorJson, ExitCode, type ExitCodeValue } from './errors.js';
import { commanderErrorJson } from './cli/usage-error-json.js';
import { createSecretMasker, SHORT_SECRET_BELOW } from './core/http/mask-secrets.js';
import { maskedStream } from './cli/masked-stream.js';
import { secretsOfRun, shortSecretWarning } from './cli/run-secrets.js';

export type { ProcessIo } from './cli/runtime.js';

/** The version the build wrote; package.json's only in a compile by tsc alone. */
function readVersion(): string {
  if (VERSION !== undefined) return VERSION;
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

async function commandDeps(io: ProcessIo) {
  const { createCommandDeps } = await import('./cli/command-deps.js');
  return createCommandDeps(io.env);
}

export async function main(argv: string[], io: Partial<ProcessIo> = {}): Promise<ExitCodeValue> {
  const env = io.env ?? process.env;
  // One masker for the whole run, on every output path; commands add what they learn (tokens).
  const secrets = secretsOfRun(argv.slice(2), env);
  const masker = createSecretMasker(secrets.map((s) => s.value));
  const pio: ProcessIo = {
    env,
    stdin: io.stdin ?? process.stdin,
    stdout: maskedStream(io.stdout ?? process.stdout, masker),
    stderr: maskedStream(io.stderr ?? process.stderr, masker),
    cwd: io.cwd ?? process.cwd(),
    onInterrupt:
      io.onInterrupt ??
      ((listener) => {
        process.on('SIGINT', listener);
        return () => process.off('SIGINT', listener);
      }),
    exit: io.exit ?? ((code) => process.exit(code)),
  };
  let exitCode: ExitCodeValue = ExitCode.passed;
  // Once a result has begun on stdout, a later error is only the line on stderr (no error object).
  let resultStarted = false;
  const short = shortSecretWarning(secrets, SHORT_SECRET_BELOW);
  if (short) pio.stderr.write(`warning: ${short}\n`);
  const runtime: CliRuntime = {
    io: pio,
    masker,
    context: async (json) => buildContext(pio, json, await commandDeps(pio), undefined, masker),
    run: async (kind, json, execute, afterRender) => {
      // check-tls is short and bounded by --timeout: Ctrl-C simply ends it, as it ends any process.
      const interrupt = kind === 'check-tls' ? undefined : watchInterrupt(pio);
      const ctx = buildContext(pio, json, await commandDeps(pio), interrupt?.signal, masker);
      let report;
      try {
        report = await execute(ctx);
      } finally {
        interrupt?.dispose();
      }
      const { renderReport } = await import('./report/render.js');
      resultStarted = true;
      pio.stdout.write(
        await renderReport(kind, report, { format: json ? 'json' : 'human', color: ctx.color }),
      );
      exitCode =
        (report as { interrupted?: boolean }).interrupted === true
          ? ExitCode.interrupted
          : report.ok
            ? ExitCode.passed
            : ExitCode.failed;
      await afterRender?.(report);
    },
    exit: (code) => {
      exitCode = code;
    },
    resultStarted: () => {
      resultStarted = true;
    },
  };
  // A usage error is one line on stderr (commander's message, its "Did you mean" and the hint), with
  // the prefix of every other error instead of commander's "error:".
  let usageHint = '';
  const output = (hint: string) => ({
    writeOut: (s: string) => pio.stdout.write(s),
    writeErr: (s: string) => pio.stderr.write(s),
    outputError: (message: string, write: (s: string) => void) => {
      const words = message
        .replace(/^error: /, '')
        .split('\n')
        .map((part) => part.trim())
        .filter((part) => part !== '');
      usageHint = hint;
      write(`tc-webhook: ${[...words, hint].join(' ')}\n`);
    },
  });

  const args = argv.slice(2);
  const json = args.includes('--json');
  const printErrorJson = (error: object) => {
    if (json && !resultStarted) pio.stdout.write(`${JSON.stringify(error)}\n`);
  };
  const { Command, CommanderError } = await import('./cli/commander.js');
  const program = new Command('tc-webhook')
    .description("Check your HTTPS endpoint against Tradecloud's Webhook Connector before going live.")
    .version(readVersion(), '-V, --version', 'print the version')
    .option('--verbose', 'show the HTTP exchange (secrets masked) and stack traces for unexpected errors')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput(output('(run tc-webhook --help for usage)'));
  // Only the invoked command is configured in full; the program's help configures all of them so its
  // listing shows their arguments; --version needs none.
  const invoked = invokedCommand(args);
  const all = invoked === undefined && !args.some((a) => a === '-V' || a === '--version');
  for (const { name, description, load } of COMMANDS) {
    const command = program.command(name).description(description);
    if (all || name === invoked) (await load())(command, runtime);
  }
  for (const sub of program.commands) {
    sub
      .option('--verbose', 'show the HTTP exchange (secrets masked) and stack traces for unexpected errors')
      .showSuggestionAfterError(true)
      .exitOverride()
      .configureOutput(output(`(run tc-webhook ${sub.name()} --help for usage)`));
  }

  // --verbose shows the HTTP exchange; the tracer is not even loaded otherwise.
  let stopTrace: (() => void) | undefined;
  if (args.includes('--verbose')) {
    const { traceHttp } = await import('./cli/trace-http.js');
    stopTrace = traceHttp(pio.stderr, masker);
  }
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; everything else commander rejects is a usage error.
      if (error.exitCode === 0) return ExitCode.passed;
      printErrorJson(commanderErrorJson(error, usageHint));
      return ExitCode.couldNotRun;
    }
    pio.stderr.write(`tc-webhook: ${describeError(error, argv.includes('--verbose'))}\n`);
    printErrorJson(errorJson(error));
    return ExitCode.couldNotRun;
  } finally {
    stopTrace?.();
  }
}
