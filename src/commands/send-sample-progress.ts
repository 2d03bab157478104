import type { DeliveryProgress } from '../core/delivery/delivery-deps.js';
import type { CommandContext } from './context.js';

const QUIET: DeliveryProgress = { tick: () => undefined, stop: () => undefined };

/** How often the bar takes the count: the rate cli-progress redraws at (10 frames a second). */
const FRAME_MS = 100;

/**
 * A progress bar on stderr for bursts that run longer than a second; only on a terminal and never
 * with --json (so piped or machine-read output stays clean). Requests are only counted as they
 * finish; the bar takes the count once a frame, so a burst of thousands of requests a second does
 * no bar work per request, and the time left is estimated over the last second rather than over
 * the last few requests.
 */
export async function createBurstProgress(ctx: CommandContext, total: number): Promise<DeliveryProgress> {
  if (!ctx.stderrIsTTY || ctx.json || total < 2) return QUIET;
  const { SingleBar, Presets } = await import('cli-progress');
  let done = 0;
  let bar: InstanceType<typeof SingleBar> | undefined;
  let frames: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    const shown = new SingleBar(
      {
        stream: ctx.stderr,
        format: 'sending {bar} {value}/{total} requests | {eta_formatted} left',
        hideCursor: true,
        clearOnComplete: true,
        noTTYOutput: false,
      },
      Presets.shades_classic,
    );
    shown.start(total, done);
    frames = setInterval(() => shown.update(done), FRAME_MS);
    frames.unref();
    bar = shown;
  }, 1000);
  timer.unref();
  return {
    tick() {
      done++;
    },
    stop() {
      clearTimeout(timer);
      clearInterval(frames);
      bar?.update(done);
      bar?.stop();
    },
  };
}
