export interface BurstOptions<T> {
  total: number;
  concurrency: number;
  /** Runs request number `index` (0-based). Must not throw: failures are results. */
  task: (index: number) => Promise<T>;
  /** Sees every result as it completes; nothing is kept here, so memory does not grow with `total`. */
  onResult: (result: T, index: number) => void;
  /** Checked before each new request starts, e.g. to stop when the endpoint cannot be reached at all. */
  shouldStop?: () => boolean;
}

/** Runs `total` tasks with at most `concurrency` in flight; returns how many were started. */
export async function runBurst<T>(options: BurstOptions<T>): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < options.total && !options.shouldStop?.()) {
      const index = next++;
      options.onResult(await options.task(index), index);
    }
  };
  const workers = Array.from({ length: Math.min(options.concurrency, options.total) }, worker);
  await Promise.all(workers);
  return next;
}
