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

/** An expected problem: printed as one line (message, then hint), never with a stack trace. */
export class CliError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.hint = hint;
  }
}

/** Bad arguments: an unknown event, a flag combination that cannot work. */
export class UsageError extends CliError {}

/** A file, directory, stdin or spec that cannot be read or used. */
export class InputError extends CliError {}

/** The target or a token endpoint could not be reached at all (DNS, refused, timeout, not TLS). */
export class NetworkError extends CliError {}

/** One line for stderr: what went wrong, where, and what to do. */
export function describeError(error: unknown, verbose = false): string {
  if (error instanceof CliError) {
    const line = error.hint ? `${error.message}. ${error.hint}` : error.message;
    return verbose && error.stack ? `${line}\n${error.stack}` : line;
  }
  const message = error instanceof Error ? error.message : String(error);
  const stack = verbose && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return `internal error: ${message}. Please report this with the command you ran (add --verbose for details).${stack}`;
}
