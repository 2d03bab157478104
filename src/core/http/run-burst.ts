export interface BurstOptions<T> {
  total: number;
  concurrency: number;
  /**
   * Runs request number `index` (0-based) on worker `worker` (0-based, below `concurrency`; a
   * worker runs one task at a time). Must not throw: failures are results.
   */
  task: (index: number, worker: number) => Promise<T>;
  /** Sees every result as it completes; nothing is kept here, so memory does not grow with `total`. */
  onResult: (result: T, index: number) => void;
  /** Checked before each new request starts, e.g. to stop when the endpoint cannot be reached at all. */
  shouldStop?: () => boolean;
  /**
   * Ctrl-C: no new request starts, and the burst returns at once without waiting for those in
   * flight (their results are dropped; the caller closes their connections).
   */
  signal?: AbortSignal;
}

/** Runs `total` tasks with at most `concurrency` in flight; returns how many were started. */
export async function runBurst<T>(options: BurstOptions<T>): Promise<number> {
  const { signal } = options;
  let next = 0;
  const worker = async (_: unknown, id: number) => {
    while (next < options.total && !signal?.aborted && !options.shouldStop?.()) {
      const index = next++;
      const result = await options.task(index, id);
      if (signal?.aborted) return;
      options.onResult(result, index);
    }
  };
  const workers = Promise.all(Array.from({ length: Math.min(options.concurrency, options.total) }, worker));
  if (!signal) {
    await workers;
    return next;
  }
  let onAbort = () => undefined as void;
  const aborted = new Promise<void>((resolve) => (onAbort = resolve));
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await Promise.race([workers, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  return next;
}
