import type { ErrorCode } from './error-codes.js';

export type { ErrorCode } from './error-codes.js';

/**
 * The one table from outcome to exit code (docs/cli-contract.md): 0 everything checked passed,
 * 1 something checked failed, 2 the tool could not do its job, 130 interrupted (Ctrl-C) once work had
 * started (the report then covers what was done so far). Findings are data in a report;
 * only problems that stop a command are thrown, as one of these errors.
 */
export const ExitCode = {
  passed: 0,
  failed: 1,
  couldNotRun: 2,
  /** 128 + SIGINT, as shells report a process that Ctrl-C ended. */
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * An expected problem: printed as one line (message, then hint), never with a stack trace. `code` is
 * the stable id `--json` prints in `{"error": {code, message, hint}}` (src/error-codes.ts,
 * docs/error-codes.md); without one the class gives the general code (`usage`, `input`, `network`).
 */
export class CliError extends Error {
  /** The code of an error of this class that names no narrower one. */
  static readonly defaultCode: ErrorCode = 'usage';
  readonly hint: string | undefined;
  readonly code: ErrorCode;
  constructor(message: string, hint?: string, options?: { cause?: unknown; code?: ErrorCode }) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = new.target.name;
    this.hint = hint;
    this.code = options?.code ?? new.target.defaultCode;
  }
}

/** Bad arguments: an unknown event, a flag combination that cannot work. */
export class UsageError extends CliError {
  static override readonly defaultCode: ErrorCode = 'usage';
}

/** A file, directory, stdin or spec that cannot be read or used. */
export class InputError extends CliError {
  static override readonly defaultCode: ErrorCode = 'input';
}

/** The target or a token endpoint could not be reached at all (DNS, refused, timeout, not TLS). */
export class NetworkError extends CliError {
  static override readonly defaultCode: ErrorCode = 'network';
}

/**
 * Ctrl-C before the command had anything to report (a spec still being fetched): one line saying
 * what was done, exit 130.
 */
export class InterruptedError extends CliError {
  static override readonly defaultCode: ErrorCode = 'interrupted';
}

/** What `--json` prints on stdout when a command could not run (exit 2) before any result. */
export interface ErrorJson {
  error: { code: ErrorCode; message: string; hint: string | null };
}

const INTERNAL_HINT = 'Please report this with the command you ran (add --verbose for details)';

export function errorJson(error: unknown): ErrorJson {
  if (error instanceof CliError) {
    return { error: { code: error.code, message: error.message, hint: error.hint ?? null } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { error: { code: 'internal', message: `internal error: ${message}`, hint: INTERNAL_HINT } };
}

/** One line for stderr: what went wrong, where, and what to do. */
export function describeError(error: unknown, verbose = false): string {
  if (error instanceof CliError) {
    const line = error.hint ? `${error.message}. ${error.hint}` : error.message;
    return verbose && error.stack ? `${line}\n${error.stack}` : line;
  }
  const message = error instanceof Error ? error.message : String(error);
  const stack = verbose && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return `internal error: ${message}. ${INTERNAL_HINT}.${stack}`;
}
