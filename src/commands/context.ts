import type { Readable, Writable } from 'node:stream';
import type { CommandDeps } from './command-deps.js';
import type { SecretMasker } from '../core/http/mask-secrets.js';

/**
 * What a command may use of the outside world. src/cli.ts builds it from the process; tests build
 * their own. Commands print nothing to stdout: they return a report, and cli.ts renders it.
 */
export interface CommandContext {
  /** Standard input, for `validate -` and for confirmations. */
  readonly stdin: Readable;
  readonly stdinIsTTY: boolean;
  /** Progress bars and warnings go here; results never do. */
  readonly stderr: Writable;
  readonly stderrIsTTY: boolean;
  /** Whether stdout gets JSON (then progress bars stay off). */
  readonly json: boolean;
  /** Whether human output may use colour (NO_COLOR / FORCE_COLOR / TTY already applied). */
  readonly color: boolean;
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
  /**
   * Aborted when the user presses Ctrl-C: a command then starts no new work and returns the report of
   * what it did so far, marked `interrupted` (exit 130).
   */
  readonly signal?: AbortSignal;
  /** Clocks, sockets, DNS, the HTTP dispatcher factory: the outside world, built once by the CLI. */
  readonly deps: CommandDeps;
  /**
   * The run's secret masker (the CLI's, already applied to stdout and stderr): commands add the
   * secrets they learn (an access token) and mask what they write elsewhere (files, file names).
   */
  readonly masker?: SecretMasker;
  /** Prints one warning line on stderr. */
  warn(message: string): void;
  /**
   * Calls `handler` on an interrupt (SIGINT) instead of letting it end the process, until the returned
   * function is called. Absent where there is no process to interrupt (tests).
   */
  onInterrupt?(handler: () => void): () => void;
}
