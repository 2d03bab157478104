import type { ListenEntry, ListenSummary } from './listen-types.js';

/** Counts answered requests for the summary printed when listen stops. */
export class ListenTally {
  private readonly summary: ListenSummary = {
    ok: true,
    requests: 0,
    deliveries: 0,
    valid: 0,
    invalid: 0,
    authFailures: 0,
    refused: 0,
    events: {},
  };

  add(entry: ListenEntry): void {
    const s = this.summary;
    s.requests++;
    if (entry.auth && !entry.auth.ok) s.authFailures++;
    else if (entry.valid === undefined) s.refused++;
    else {
      s.deliveries++;
      if (entry.valid) s.valid++;
      else {
        s.invalid++;
        s.ok = false;
      }
      const event = entry.eventName ?? 'unknown';
      s.events[event] = (s.events[event] ?? 0) + 1;
    }
  }

  result(): ListenSummary {
    return { ...this.summary, events: { ...this.summary.events } };
  }
}
