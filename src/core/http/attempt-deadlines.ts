/**
 * Deadlines for many attempts at once. A burst runs a hundred thousand attempts; a Node timer per
 * attempt costs a few microseconds each, so attempts in flight share one ticking timer instead.
 * A deadline fires within one tick (a twentieth of its duration, at most 100 ms) after it is due.
 */
export interface AttemptDeadlines {
  /** Calls `expire` once `ms` have passed, unless the returned cancel function is called first. */
  schedule(ms: number, expire: () => void): () => void;
}

interface Entry {
  at: number;
  expire: () => void;
}

export function createAttemptDeadlines(now: () => number = () => performance.now()): AttemptDeadlines {
  const pending = new Set<Entry>();
  let ticker: NodeJS.Timeout | undefined;
  let tickMs = Number.POSITIVE_INFINITY;

  const sweep = () => {
    const at = now();
    for (const entry of pending) {
      if (entry.at > at) continue;
      pending.delete(entry);
      entry.expire();
    }
    if (pending.size === 0) stop();
  };
  const stop = () => {
    clearInterval(ticker);
    ticker = undefined;
    tickMs = Number.POSITIVE_INFINITY;
  };

  return {
    schedule(ms, expire) {
      const entry: Entry = { at: now() + ms, expire };
      pending.add(entry);
      const wanted = Math.min(100, Math.max(1, Math.floor(ms / 20)));
      if (wanted < tickMs) {
        clearInterval(ticker);
        tickMs = wanted;
        ticker = setInterval(sweep, tickMs);
        // In-flight sockets keep the process alive; the ticker alone must not.
        ticker.unref();
      }
      return () => {
        pending.delete(entry);
        if (pending.size === 0) stop();
      };
    },
  };
}

/** One Node timer per deadline: for a single request (a token fetch), where sharing buys nothing. */
export const ownTimers: AttemptDeadlines = {
  schedule(ms, expire) {
    const timer = setTimeout(expire, ms);
    return () => clearTimeout(timer);
  },
};

/**
 * The whole attempt, connect to the last byte, outlived --timeout. undici's own timeouts only bound
 * the wait for the headers and each pause between body chunks, so a body trickled one byte at a
 * time would otherwise never time out.
 */
export class AttemptTimeoutError extends Error {
  readonly code = 'TC_ATTEMPT_TIMEOUT';
  constructor(
    readonly timeoutMs: number,
    /** Whether the request had been handed to a connection (so the endpoint was reached). */
    readonly connected: boolean,
  ) {
    super(`the attempt did not finish within ${timeoutMs} ms`);
  }
}
