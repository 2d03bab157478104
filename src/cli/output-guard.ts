import type { Writable } from 'node:stream';
import { describeFsError } from '../core/files/describe-fs-error.js';
import { ExitCode, type ExitCodeValue } from '../errors.js';

export interface OutputGuard {
  /** Aborted when the reader of stdout went away (`| head`): a long-running command stops as on Ctrl-C. */
  readonly closed: AbortSignal;
  /**
   * Waits until stdout has taken everything, then gives the exit code: the command's own when the
   * output went out or its reader had gone; 2 (with one line on stderr) when writing failed.
   */
  settle(code: ExitCodeValue, stderr: Writable): Promise<ExitCodeValue>;
}

/**
 * A closed pipe (EPIPE) is the reader saying it has seen enough, not a failure; any other write error
 * (ENOSPC on a full disk) means the result was lost. Without a listener either would end the process
 * with a stack trace and exit 1, which reads as "invalid".
 */
export function guardOutput(stdout: Writable): OutputGuard {
  const controller = new AbortController();
  let failure: unknown;
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || controller.signal.aborted) controller.abort();
    else failure ??= error;
  });
  return {
    closed: controller.signal,
    settle: async (code, stderr) => {
      // A write error is emitted on a later tick than the write that failed.
      await new Promise((resolve) => setImmediate(resolve));
      if (!controller.signal.aborted && failure === undefined && stdout.writable && !stdout.destroyed) {
        await new Promise<void>((resolve) => stdout.write('', () => resolve()));
      }
      if (failure === undefined) return code;
      stderr.write(
        `tc-webhook: cannot write the output: ${describeFsError(failure)}. Free some space, or send the output elsewhere\n`,
      );
      return ExitCode.couldNotRun;
    },
  };
}
