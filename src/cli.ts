/**
 * The process boundary (with src/cli/): reads argv and the environment, registers the commands with
 * commander, renders each command's report, writes stdout/stderr and returns the exit code from the
 * one table in errors.ts.
 */
import { resolve } from 'node:path';
import { Command, CommanderError } from './cli/commander.js';
import { COMMANDS, invokedCommand } from './cli/command-table.js';
import { watchInterrupt } from './cli/interrupt.js';
import { guardOutput } from './cli/output-guard.js';
import { writesFinished } from './core/files/unfinished-writes.js';
import { buildContext, type CliRuntime, type ProcessIo } from './cli/runtime.js';
// The outside world of the command that runs: every command needs it, and it loads what it reaches
// itself on first use. Imported with the CLI, not when a command runs: one round of file reads less.
import { createCommandDeps } from './cli/create-command-deps.js';
import type { GithubRun } from './cli/github-actions.js';
import type { CommandContext } from './commands/context.js';
import { describeError, errorJson, ExitCode, InterruptedError, type ExitCodeValue } from './errors.js';
import { toolVersion } from './core/net/user-agent.js';
import { createSecretMasker, SHORT_SECRET_BELOW } from './core/http/mask-secrets.js';
import { maskedStream } from './cli/masked-stream.js';
import { secretsOfRun, shortSecretWarning } from './cli/run-secrets.js';

export type { ProcessIo } from './cli/runtime.js';

function readVersion(): string {
  return toolVersion();
}

export async function main(argv: string[], io: Partial<ProcessIo> = {}): Promise<ExitCodeValue> {
  const stdout = io.stdout ?? process.stdout;
  const output = guardOutput(stdout);
  const code = await runMain(argv, { ...io, stdout }, output.closed);
  await writesFinished();
  return output.settle(code, io.stderr ?? process.stderr);
}

async function runMain(
  argv: string[],
  io: Partial<ProcessIo>,
  outputClosed: AbortSignal,
): Promise<ExitCodeValue> {
  const env = io.env ?? process.env;
  // One masker for the whole run, on every output path; commands add what they learn (tokens).
  const secrets = secretsOfRun(argv.slice(2), env);
  // On GitHub Actions, a secret learnt at run time (an access token) is announced as it is learnt.
  let announceSecrets: ((fresh: readonly string[]) => void) | undefined;
  // With --verbose, a token learnt at run time is shown decoded (a JWT's header and claims).
  let traceTokens: ((fresh: readonly string[]) => void) | undefined;
  const masker = createSecretMasker(
    secrets.map((s) => s.value),
    {
      onAdd: (fresh) => {
        announceSecrets?.(fresh);
        traceTokens?.(fresh);
      },
    },
  );
  const unmaskedStderr = io.stderr ?? process.stderr;
  const pio: ProcessIo = {
    env,
    // Opened on first use: process.stdin sets up a stream, which most runs never read.
    get stdin() {
      return io.stdin ?? process.stdin;
    },
    stdout: maskedStream(io.stdout ?? process.stdout, masker),
    stderr: maskedStream(unmaskedStderr, masker),
    cwd: io.cwd ?? process.cwd(),
    onInterrupt:
      io.onInterrupt ??
      ((listener) => {
        process.on('SIGINT', listener);
        return () => process.off('SIGINT', listener);
      }),
    onTerminate:
      io.onTerminate ??
      ((listener) => {
        process.on('SIGTERM', listener);
        return () => process.off('SIGTERM', listener);
      }),
    exit: io.exit ?? ((code) => process.exit(code)),
  };
  const args = argv.slice(2);
  // On GitHub Actions, the secrets are announced for masking before anything else is printed.
  let github: GithubRun | undefined;
  if (pio.env.GITHUB_ACTIONS === 'true' || pio.env.GITHUB_STEP_SUMMARY) {
    const { startGithubRun } = await import('./cli/github-actions.js');
    github = startGithubRun(pio, args, masker, unmaskedStderr);
    const run = github;
    announceSecrets = (fresh) => run.announceSecrets(fresh);
  }
  /** On GitHub Actions, a warning is an annotation: the log shows it, and it cannot carry a command. */
  const withCiWarnings = (ctx: CommandContext): CommandContext =>
    github?.annotate
      ? { ...ctx, warn: (message) => pio.stderr.write(github.annotation({ level: 'warning', message })) }
      : ctx;
  let exitCode: ExitCodeValue = ExitCode.passed;
  // Once a result has begun on stdout, a later error is only the line on stderr (no error object).
  let resultStarted = false;
  const short = shortSecretWarning(secrets, SHORT_SECRET_BELOW);
  if (short) pio.stderr.write(`warning: ${short}\n`);
  const runtime: CliRuntime = {
    io: pio,
    masker,
    outputClosed,
    context: (json) =>
      Promise.resolve(withCiWarnings(buildContext(pio, json, createCommandDeps(pio.env), undefined, masker))),
    run: async (kind, json, execute, afterRender, extras) => {
      const sarifPath = extras?.sarif === undefined ? undefined : resolve(pio.cwd, extras.sarif);
      if (sarifPath !== undefined) {
        const { checkWritable } = await import('./cli/write-whole-file.js');
        await checkWritable('SARIF log', '--sarif', sarifPath);
      }
      // check-tls has nothing to show until its handshakes are done: Ctrl-C ends it at once (exit 130).
      const interrupt = kind === 'check-tls' ? undefined : watchInterrupt(pio);
      const stopAtOnce =
        kind === 'check-tls'
          ? pio.onInterrupt(() => {
              const error = new InterruptedError('interrupted: the TLS check stopped before its result');
              pio.stderr.write(`\ntc-webhook: ${describeError(error)}\n`);
              printErrorJson(errorJson(error));
              pio.exit(ExitCode.interrupted);
            })
          : undefined;
      const ctx = withCiWarnings(
        buildContext(pio, json, createCommandDeps(pio.env), interrupt?.signal, masker),
      );
      let report;
      try {
        report = await execute(ctx);
      } finally {
        interrupt?.dispose();
        stopAtOnce?.();
      }
      const { renderReport } = await import('./report/render.js');
      resultStarted = true;
      const text = await renderReport(kind, report, { format: json ? 'json' : 'human', color: ctx.color });
      pio.stdout.write(github ? github.guardStdout(text, json) : text);
      // Warnings are looked for only when they decide the exit code.
      const warned =
        extras?.failOn === 'warning' &&
        (await import('./report/report-warnings.js')).hasWarnings(kind, report);
      exitCode =
        (report as { interrupted?: boolean }).interrupted === true
          ? ExitCode.interrupted
          : !report.ok || warned
            ? ExitCode.failed
            : ExitCode.passed;
      if (github) await github.publishReport(kind, report);
      if (sarifPath !== undefined) {
        const [{ renderSarif }, { writeWholeFile }] = await Promise.all([
          import('./report/sarif/render-sarif.js'),
          import('./cli/write-whole-file.js'),
        ]);
        const where = github?.workspace ?? { cwd: pio.cwd, root: pio.cwd };
        const sarif = await renderSarif(kind, report, where, readVersion());
        await writeWholeFile('SARIF log', '--sarif', sarifPath, sarif);
      }
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

  const json = args.includes('--json');
  const printErrorJson = (error: object) => {
    if (!json || resultStarted) return;
    const text = `${JSON.stringify(error)}\n`;
    pio.stdout.write(github ? github.guardStdout(text, true) : text);
  };
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
  // `completion` describes every command, so it needs all of them configured too.
  const all =
    (invoked === undefined || invoked === 'completion') && !args.some((a) => a === '-V' || a === '--version');
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
    const trace = traceHttp(pio.stderr, masker);
    stopTrace = trace.stop;
    traceTokens = trace.learnt;
  }
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; everything else commander rejects is a usage error.
      if (error.exitCode === 0) return ExitCode.passed;
      if (json)
        printErrorJson((await import('./cli/usage-error-json.js')).commanderErrorJson(error, usageHint));
      return ExitCode.couldNotRun;
    }
    const described = describeError(error, argv.includes('--verbose'));
    if (github?.annotate) {
      pio.stderr.write(github.annotation({ level: 'error', title: 'tc-webhook', message: described }));
    } else {
      pio.stderr.write(`tc-webhook: ${described}\n`);
    }
    if (github) await github.publishFailure(invoked, described);
    printErrorJson(errorJson(error));
    return error instanceof InterruptedError ? ExitCode.interrupted : ExitCode.couldNotRun;
  } finally {
    stopTrace?.();
  }
}
