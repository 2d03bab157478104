/**
 * Writes that run beside a command's work (a cache entry kept for the next run) and that no result
 * waits for. The process ends as soon as a command's result is printed, so `main()` waits for these
 * first: a cache entry is then kept whole, never left behind as a temporary file.
 */
const unfinished = new Set<Promise<unknown>>();

/** Tracks `write` until it settles; returns it unchanged. */
export function finishBeforeExit<T>(write: Promise<T>): Promise<T> {
  unfinished.add(write);
  const forget = () => unfinished.delete(write);
  write.then(forget, forget);
  return write;
}

/** Settles once every tracked write has (whether it succeeded or not). */
export async function writesFinished(): Promise<void> {
  while (unfinished.size > 0) await Promise.allSettled([...unfinished]);
}
