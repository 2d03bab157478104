import { createAttemptDeadlines } from '../http/attempt-deadlines.js';
import { USER_AGENT } from '../net/user-agent.js';
import { createTally, type Tally } from '../http/burst-tally.js';
import {
  deliverRequest,
  type DeliveryOptions,
  type DeliveryResult,
  type RetryOptions,
} from '../http/deliver-request.js';
import type { DeliveryLanes } from '../http/delivery-agent.js';
import type { SecretMasker } from '../http/mask-secrets.js';
import type { PayloadRequest } from '../requests/payload-request.js';
import { runBurst } from '../http/run-burst.js';
import { outgoingRequest, type OutgoingRequest } from '../http/send-attempt.js';
import type { DeliveryProgress } from './delivery-deps.js';
import type { DeliveryRecord } from './delivery-record.js';

export interface RunDeliveriesOptions {
  url: URL;
  requests: PayloadRequest[];
  count: number;
  concurrency: number;
  timeoutMs: number;
  /** Burst worker `w` sends on `lanes.lane(w)`. */
  lanes: DeliveryLanes;
  authorize: DeliveryOptions['authorize'];
  retry: RetryOptions;
  masker: SecretMasker;
  progress: DeliveryProgress;
  monotonic: () => number;
  signal?: AbortSignal;
  /** A pause before request `index` is sent (scenario steps); with `sleep` to wait it. */
  delayBeforeMs?: (index: number) => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Records listed in full: the first 20 of a burst (at least one whole request set, so --all lists
 * every event), then the first of each other status and outcome.
 */
const KEEP_FIRST = 20;
const KEEP_DISTINCT = 10;
const REPORTED_BODY_BYTES = 2048;

/** Sends the request set `count` times with `concurrency` in flight, tallying as results arrive. */
export async function runDeliveries(
  options: RunDeliveriesOptions,
): Promise<{ tally: Tally<DeliveryRecord>; elapsedMs: number }> {
  const outgoing: OutgoingRequest[] = options.requests.map((r) =>
    // Encoded once: a burst sends the same bytes thousands of times.
    outgoingRequest(
      options.url,
      { 'content-type': r.contentType, 'user-agent': USER_AGENT },
      typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body,
    ),
  );
  const total = outgoing.length * options.count;
  const tally = createTally<DeliveryRecord>({
    keepFirst: Math.max(KEEP_FIRST, outgoing.length),
    keepDistinct: KEEP_DISTINCT,
  });
  const { progress } = options;
  const mask = (text: string) => options.masker.mask(text);
  const toRecord = (result: DeliveryResult, index: number): DeliveryRecord => {
    const source = options.requests[index % options.requests.length]!;
    return {
      index: index + 1,
      event: source.event,
      type: source.type,
      format: source.format,
      ...(source.file ? { file: source.file } : {}),
      status: result.status,
      durationMs: Math.round(result.durationMs * 10) / 10,
      attempts: result.attempts,
      outcome: result.outcome,
      responseBody: result.responseBody,
      ...(result.note ? { note: mask(result.note) } : {}),
      ...(result.location ? { location: options.masker.maskHeader('location', result.location) } : {}),
      ...(result.authError ? { authError: result.authError } : {}),
    };
  };
  // Built once per worker, which keeps its lane: every request of a burst shares the rest (an
  // access token is known and masked by now).
  const shared: Omit<DeliveryOptions, 'dispatcher'> = {
    timeoutMs: options.timeoutMs,
    now: options.monotonic,
    keepBytes: REPORTED_BODY_BYTES,
    maskBody: mask,
    maskMargin: options.masker.longest,
    deadlines: createAttemptDeadlines(options.monotonic),
    authorize: options.authorize,
    retry: options.retry,
  };
  const byWorker: DeliveryOptions[] = [];
  const send = (index: number, worker: number) =>
    deliverRequest(
      outgoing[index % outgoing.length]!,
      (byWorker[worker] ??= { ...shared, dispatcher: options.lanes.lane(worker) }),
    );
  // Scenario steps may pause before they are sent; a burst goes straight to the request.
  const { delayBeforeMs, sleep } = options;
  const delayBefore = delayBeforeMs && sleep ? (index: number) => sleep(delayBeforeMs(index)) : undefined;
  const started = options.monotonic();
  try {
    await runBurst({
      total,
      concurrency: options.concurrency,
      // Stop early when nothing could connect: a refused or untrusted endpoint fails every request the same way.
      shouldStop: () => tally.reached === 0 && tally.firstUnreached !== undefined,
      ...(options.signal ? { signal: options.signal } : {}),
      task: delayBefore ? (index, worker) => delayBefore(index).then(() => send(index, worker)) : send,
      onResult: (result, index) => {
        progress.tick();
        tally.add(index, result, toRecord);
      },
    });
  } finally {
    progress.stop();
  }
  return { tally, elapsedMs: options.monotonic() - started };
}
