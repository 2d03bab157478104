import type { ProcessIo } from './runtime.js';

/** Shows the cursor again (a progress bar hides it while it draws). */
const SHOW_CURSOR = '\u001b[?25h';

export interface InterruptWatch {
  /** Aborted on the first Ctrl-C: commands stop starting new work and report what they did. */
  readonly signal: AbortSignal;
  /** Stops listening; the process's default Ctrl-C behaviour is back. */
  dispose(): void;
}

/**
 * Turns SIGINT into an AbortSignal for the running command. A second Ctrl-C while the command is
 * still winding down ends the process at once (exit 130), with the terminal's cursor restored.
 * With `sigterm`, SIGTERM aborts the signal too.
 */
export function watchInterrupt(io: ProcessIo, options: { sigterm?: boolean } = {}): InterruptWatch {
  const controller = new AbortController();
  const onSigint = () => {
    if (!controller.signal.aborted) {
      controller.abort();
      return;
    }
    if (io.stderr.isTTY) io.stderr.write(SHOW_CURSOR);
    io.stderr.write('\ntc-webhook: interrupted twice, stopped at once\n');
    io.exit(130);
  };
  const stop = io.onInterrupt(onSigint);
  // A long-running command (listen, api-mock) stops on SIGTERM as on the first Ctrl-C.
  const stopTerm = options.sigterm ? io.onTerminate(() => controller.abort()) : undefined;
  return {
    signal: controller.signal,
    dispose: () => {
      stop();
      stopTerm?.();
    },
  };
}
