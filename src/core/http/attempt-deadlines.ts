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
  /** Position in `pending`, or -1 once done: removal swaps the last entry in, no search. */
  index: number;
}

export function createAttemptDeadlines(now: () => number = () => performance.now()): AttemptDeadlines {
  // An array rather than a Set: a burst adds and removes an entry per request, and a hashed
  // collection of short-lived objects cost several microseconds a request in garbage collection.
  const pending: Entry[] = [];
  let ticker: NodeJS.Timeout | undefined;
  let tickMs = Number.POSITIVE_INFINITY;

  const remove = (entry: Entry) => {
    const { index } = entry;
    if (index < 0) return;
    const last = pending.pop()!;
    if (last !== entry) {
      pending[index] = last;
      last.index = index;
    }
    entry.index = -1;
  };
  const sweep = () => {
    const at = now();
    for (let i = pending.length - 1; i >= 0; i--) {
      const entry = pending[i];
      if (entry === undefined || entry.at > at) continue;
      remove(entry);
      entry.expire();
    }
    if (pending.length === 0) stop();
  };
  const stop = () => {
    clearInterval(ticker);
    ticker = undefined;
    tickMs = Number.POSITIVE_INFINITY;
  };

  return {
    schedule(ms, expire) {
      const entry: Entry = { at: now() + ms, expire, index: pending.length };
      pending.push(entry);
      const wanted = Math.min(100, Math.max(1, Math.floor(ms / 20)));
      if (wanted < tickMs) {
        clearInterval(ticker);
        tickMs = wanted;
        ticker = setInterval(sweep, tickMs);
        // In-flight sockets keep the process alive; the ticker alone must not.
        ticker.unref();
      }
      return () => {
        remove(entry);
        if (pending.length === 0) stop();
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
