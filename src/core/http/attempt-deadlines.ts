/** What a deadline calls once it is due. */
export interface Expiring {
  expire(): void;
}

/** A scheduled deadline; cancelling it after it fired, or twice, does nothing. */
export interface Deadline {
  cancel(): void;
}

/**
 * Deadlines for many attempts at once. A burst runs a hundred thousand attempts; a Node timer per
 * attempt costs a few microseconds each, so attempts in flight share one ticking timer instead.
 * A deadline fires within one tick (a twentieth of its duration, at most 100 ms) after it is due.
 */
export interface AttemptDeadlines {
  /** Calls `owner.expire()` once `ms` have passed, unless the deadline is cancelled first. */
  schedule(ms: number, owner: Expiring): Deadline;
}

/** One object per attempt, which is also its handle: no closures to allocate for each request. */
class Entry implements Deadline {
  constructor(
    readonly at: number,
    readonly owner: Expiring,
    /** Position in the queue, or -1 once done: removal swaps the last entry in, no search. */
    public index: number,
    private readonly queue: DeadlineQueue,
  ) {}

  cancel(): void {
    this.queue.remove(this);
    this.queue.stopWhenEmpty();
  }
}

class DeadlineQueue implements AttemptDeadlines {
  // An array rather than a Set: a burst adds and removes an entry per request, and a hashed
  // collection of short-lived objects cost several microseconds a request in garbage collection.
  private readonly pending: Entry[] = [];
  private ticker: NodeJS.Timeout | undefined;
  private tickMs = Number.POSITIVE_INFINITY;

  constructor(private readonly now: () => number) {}

  schedule(ms: number, owner: Expiring): Deadline {
    const entry = new Entry(this.now() + ms, owner, this.pending.length, this);
    this.pending.push(entry);
    const wanted = Math.min(100, Math.max(1, Math.floor(ms / 20)));
    if (wanted < this.tickMs) {
      clearInterval(this.ticker);
      this.tickMs = wanted;
      this.ticker = setInterval(() => this.sweep(), this.tickMs);
      // In-flight sockets keep the process alive; the ticker alone must not.
      this.ticker.unref();
    }
    return entry;
  }

  remove(entry: Entry): void {
    const { index } = entry;
    if (index < 0) return;
    const last = this.pending.pop()!;
    if (last !== entry) {
      this.pending[index] = last;
      last.index = index;
    }
    entry.index = -1;
  }

  stopWhenEmpty(): void {
    if (this.pending.length > 0) return;
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.tickMs = Number.POSITIVE_INFINITY;
  }

  private sweep(): void {
    const at = this.now();
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const entry = this.pending[i];
      if (entry === undefined || entry.at > at) continue;
      this.remove(entry);
      entry.owner.expire();
    }
    this.stopWhenEmpty();
  }
}

export function createAttemptDeadlines(now: () => number = () => performance.now()): AttemptDeadlines {
  return new DeadlineQueue(now);
}

/** One Node timer per deadline: for a single request (a token fetch), where sharing buys nothing. */
export const ownTimers: AttemptDeadlines = {
  schedule(ms, owner) {
    const timer = setTimeout(() => owner.expire(), ms);
    return { cancel: () => clearTimeout(timer) };
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
