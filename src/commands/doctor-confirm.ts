import { createInterface } from 'node:readline/promises';
import type { CommandContext } from './context.js';

/**
 * Asks on the terminal before requests go out; only called when stdin is a TTY and --yes is absent.
 * Ctrl+C, Ctrl+D and a closed stdin all mean no: readline rejects the question with an AbortError
 * for the keys (when stderr is the terminal too) and never settles it when the input simply ends;
 * with stderr redirected, Ctrl+C arrives as a SIGINT signal instead.
 */
export async function confirmRequests(ctx: CommandContext): Promise<boolean> {
  const rl = createInterface({ input: ctx.stdin, output: ctx.stderr });
  const closed = new Promise<null>((resolve) => rl.once('close', () => resolve(null)));
  const release = ctx.onInterrupt?.(() => rl.close());
  try {
    const answer = await Promise.race([rl.question('Continue? [y/N] '), closed]);
    if (answer === null) ctx.stderr.write('\n');
    return answer !== null && /^y(es)?$/i.test(answer.trim());
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
    ctx.stderr.write('\n');
    return false;
  } finally {
    release?.();
    rl.close();
  }
}
