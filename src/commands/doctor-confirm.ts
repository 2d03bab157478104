import { createInterface } from 'node:readline/promises';
import type { CommandContext } from './context.js';

/** Asks on the terminal before requests go out; only called when stdin is a TTY and --yes is absent. */
export async function confirmRequests(ctx: CommandContext): Promise<boolean> {
  const rl = createInterface({ input: ctx.stdin, output: ctx.stderr });
  try {
    const answer = await rl.question('Continue? [y/N] ');
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
