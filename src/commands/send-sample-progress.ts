import type { DeliveryProgress } from '../core/delivery/delivery-deps.js';
import type { CommandContext } from './context.js';

const QUIET: DeliveryProgress = { tick: () => undefined, stop: () => undefined };

/**
 * A progress bar on stderr for bursts that run longer than a second; only on a terminal and never
 * with --json (so piped or machine-read output stays clean).
 */
export async function createBurstProgress(ctx: CommandContext, total: number): Promise<DeliveryProgress> {
  if (!ctx.stderrIsTTY || ctx.json || total < 2) return QUIET;
  const { SingleBar, Presets } = await import('cli-progress');
  let done = 0;
  let bar: InstanceType<typeof SingleBar> | undefined;
  const timer = setTimeout(() => {
    bar = new SingleBar(
      {
        stream: ctx.stderr,
        format: 'sending {bar} {value}/{total} requests | {eta_formatted} left',
        hideCursor: true,
        clearOnComplete: true,
        noTTYOutput: false,
      },
      Presets.shades_classic,
    );
    bar.start(total, done);
  }, 1000);
  timer.unref();
  return {
    tick() {
      done++;
      bar?.update(done);
    },
    stop() {
      clearTimeout(timer);
      bar?.stop();
    },
  };
}
