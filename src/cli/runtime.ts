import type { Readable, Writable } from 'node:stream';
import type { CommandDeps } from '../commands/command-deps.js';
import type { CommandContext } from '../commands/context.js';
import type { ExitCodeValue } from '../errors.js';
import type { SecretMasker } from '../core/http/mask-secrets.js';
import type { ReportKind, ReportOf } from '../report/render.js';

/** The process as the CLI sees it; tests of main() may pass their own. */
export interface ProcessIo {
  env: NodeJS.ProcessEnv;
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  cwd: string;
  /** Calls `listener` on each Ctrl-C (SIGINT) until the returned function is called. */
  onInterrupt(listener: () => void): () => void;
  /** Calls `listener` on each SIGTERM (a service manager or `kill` stopping a long-running command). */
  onTerminate(listener: () => void): () => void;
  /** Ends the process at once (a second Ctrl-C). */
  exit(code: number): never;
}

/** The CI flags a command may have (docs/ci.md). */
export interface RunExtras {
  /** `--fail-on warning`: a warning (or an inconclusive check) exits 1 too; `skip` never does. */
  failOn?: 'error' | 'warning';
  /** `--sarif <file>`: the findings also as a SARIF 2.1.0 log, written whole. */
  sarif?: string;
}

/** What a command registration needs: the process, and how a command's report reaches stdout. */
export interface CliRuntime {
  io: ProcessIo;
  /** The run's one masker: already applied to io.stdout and io.stderr; apply it to files written. */
  masker: SecretMasker;
  /** Aborted when stdout's reader went away (`| head`): a command that prints as it goes stops. */
  outputClosed: AbortSignal;
  context(json: boolean): Promise<CommandContext>;
  /**
   * Runs a command, renders its report (human or JSON) on stdout and records the exit code. `afterRender`
   * runs once the report is printed (e.g. writing a report file): if it throws, the verdict is still
   * on stdout and the error becomes the one line on stderr.
   */
  run<K extends ReportKind>(
    kind: K,
    json: boolean,
    execute: (ctx: CommandContext) => Promise<ReportOf[K]>,
    afterRender?: (report: ReportOf[K]) => Promise<void>,
    extras?: RunExtras,
  ): Promise<void>;
  /** Records the exit code of a command that prints as it goes instead of returning one report (listen). */
  exit(code: ExitCodeValue): void;
  /** Says that such a command's result has begun on stdout: a later error prints no error object. */
  resultStarted(): void;
}

export function useColor(io: ProcessIo): boolean {
  const { NO_COLOR, FORCE_COLOR } = io.env;
  if (NO_COLOR !== undefined && NO_COLOR !== '') return false;
  if (FORCE_COLOR !== undefined) return FORCE_COLOR !== '0' && FORCE_COLOR !== 'false';
  return io.stdout.isTTY === true;
}

/**
 * The context of the command that runs. `deps` come from src/cli/create-command-deps.ts, which loads
 * node:tls, node:dns and the HTTP client only when a command first uses them.
 */
export function buildContext(
  io: ProcessIo,
  json: boolean,
  deps: CommandDeps,
  signal?: AbortSignal,
  masker?: SecretMasker,
): CommandContext {
  return {
    deps,
    ...(masker ? { masker } : {}),
    ...(signal ? { signal } : {}),
    get stdin() {
      return io.stdin;
    },
    get stdinIsTTY() {
      return io.stdin.isTTY === true;
    },
    stderr: io.stderr,
    stderrIsTTY: io.stderr.isTTY === true,
    json,
    color: useColor(io),
    cwd: io.cwd,
    warn: (message) => {
      io.stderr.write(`warning: ${message}\n`);
    },
    onInterrupt: (handler) => io.onInterrupt(handler),
  };
}
