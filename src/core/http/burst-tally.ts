import type { DeliveryResult, Outcome } from './deliver-request.js';
import { summarizeLatency, type LatencySummary } from './latency-stats.js';

export interface TallySummary {
  sent: number;
  delivered: number;
  /** Every request not delivered: rejected, failed and gave-up. */
  failed: number;
  /** HTTP exchanges, retries included. */
  attempts: number;
  /** Counts per status code; requests without an answer under "no answer". */
  byStatus: Record<string, number>;
  byOutcome: Partial<Record<Outcome, number>>;
  /** Per answered HTTP exchange (each attempt), in milliseconds. */
  latencyMs: LatencySummary;
  latencySamples: number;
  /**
   * Per answered request, from its first attempt to its final answer: retries and their back-off
   * included. Equal to `latencyMs` in spirit when nothing was retried.
   */
  requestLatencyMs: LatencySummary;
  requestLatencySamples: number;
}

export interface Tally<R> {
  /** `record` builds the full record, called only for the requests that are kept. */
  add(index: number, result: DeliveryResult, record: (result: DeliveryResult, index: number) => R): void;
  /** Requests that reached the endpoint (any answer, or a timeout after connecting). */
  readonly reached: number;
  /** The first request that could not connect, for the could-not-run message. */
  readonly firstUnreached: DeliveryResult | undefined;
  /** Requests that got at least the start of an answer (a status line). */
  readonly answered: number;
  /** The first request that connected but got no answer, for the could-not-run message. */
  readonly firstUnanswered: DeliveryResult | undefined;
  summary(): TallySummary;
  /** Kept records, in request order. */
  records(): R[];
  readonly omitted: number;
}

const NO_ANSWER = 0;
const OUTCOMES: readonly Outcome[] = ['delivered', 'retried-then-delivered', 'rejected', 'failed', 'gave-up'];

/**
 * Aggregates a burst in constant memory per request: counters and one latency number per
 * exchange. Full records are kept only for the first `keepFirst` requests and for the first
 * request of each status/outcome seen later, so an unusual answer late in a burst still shows.
 */
export function createTally<R>(options: { keepFirst: number; keepDistinct: number }): Tally<R> {
  const kept = new Map<number, R>();
  // Numeric keys (status × outcome): this runs once per request of a burst.
  const seenKinds = new Set<number>();
  let distinctKept = 0;
  const latencies: number[] = [];
  const requestLatencies: number[] = [];
  const byStatus = new Map<number, number>();
  const byOutcome = new Map<Outcome, number>();
  let sent = 0;
  let delivered = 0;
  let attempts = 0;
  let reached = 0;
  let firstUnreached: DeliveryResult | undefined;
  let answered = 0;
  let firstUnanswered: DeliveryResult | undefined;

  return {
    add(index, result, record) {
      sent++;
      attempts += result.attempts;
      if (result.outcome === 'delivered' || result.outcome === 'retried-then-delivered') delivered++;
      const status = result.status ?? NO_ANSWER;
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      byOutcome.set(result.outcome, (byOutcome.get(result.outcome) ?? 0) + 1);
      for (const ms of result.answeredMs) latencies.push(ms);
      if (result.status !== null) requestLatencies.push(result.durationMs);
      const unreached = result.stage === 'connect' || result.stage === 'tls';
      if (unreached) firstUnreached ??= result;
      else reached++;
      if (result.status !== null) answered++;
      else if (!unreached) firstUnanswered ??= result;
      const kind = status * OUTCOMES.length + OUTCOMES.indexOf(result.outcome);
      if (index < options.keepFirst) kept.set(index, record(result, index));
      else if (!seenKinds.has(kind) && distinctKept < options.keepDistinct) {
        kept.set(index, record(result, index));
        distinctKept++;
      }
      seenKinds.add(kind);
    },
    get reached() {
      return reached;
    },
    get firstUnreached() {
      return firstUnreached;
    },
    get answered() {
      return answered;
    },
    get firstUnanswered() {
      return firstUnanswered;
    },
    get omitted() {
      return sent - kept.size;
    },
    summary() {
      return {
        sent,
        delivered,
        failed: sent - delivered,
        attempts,
        byStatus: Object.fromEntries(
          [...byStatus].map(([code, n]) => [code === NO_ANSWER ? 'no answer' : String(code), n]),
        ),
        byOutcome: Object.fromEntries(byOutcome),
        latencyMs: summarizeLatency(latencies),
        latencySamples: latencies.length,
        requestLatencyMs: summarizeLatency(requestLatencies),
        requestLatencySamples: requestLatencies.length,
      };
    },
    records() {
      return [...kept.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
    },
  };
}
