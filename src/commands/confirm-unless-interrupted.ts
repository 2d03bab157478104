import type { CommandContext } from './context.js';
import { confirmRequests } from './doctor-confirm.js';

/**
 * doctor's confirmation, ended by an interrupt as by a "no". On a terminal the line editor reads
 * Ctrl-C itself, but a SIGINT from elsewhere (`kill -INT`, a CI runner) must not leave the question
 * waiting: the answer is then "no", and stdin, which only the question was reading, is closed.
 */
export async function confirmUnlessInterrupted(ctx: CommandContext): Promise<boolean> {
  const { signal } = ctx;
  if (!signal) return confirmRequests(ctx);
  if (signal.aborted) return false;
  let onAbort = () => undefined as void;
  const interrupted = new Promise<boolean>((resolve) => (onAbort = () => resolve(false)));
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const answer = await Promise.race([confirmRequests(ctx), interrupted]);
    if (signal.aborted) ctx.stdin.destroy();
    return answer && !signal.aborted;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
