import type { Dispatcher } from 'undici';
import { createAttemptDeadlines } from '../core/http/attempt-deadlines.js';
import { createTally, type Tally } from '../core/http/burst-tally.js';
import {
  deliverRequest,
  type DeliveryOptions,
  type DeliveryResult,
  type RetryOptions,
} from '../core/http/deliver-request.js';
import type { SecretMasker } from '../core/http/mask-secrets.js';
import type { PayloadRequest } from '../core/payload/requests/payload-request.js';
import { runBurst } from '../core/http/run-burst.js';
import type { OutgoingRequest } from '../core/http/send-attempt.js';
import type { CommandContext } from './context.js';
import type { SendSampleRequestRecord } from './send-sample.js';
import { createBurstProgress } from './send-sample-progress.js';

export interface RunDeliveriesOptions {
  url: URL;
  requests: PayloadRequest[];
  count: number;
  concurrency: number;
  timeoutMs: number;
  dispatcher: Dispatcher;
  authorize: () => Promise<string | undefined>;
  retry: RetryOptions;
  masker: SecretMasker;
  ctx: CommandContext;
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
): Promise<{ tally: Tally<SendSampleRequestRecord>; elapsedMs: number }> {
  const outgoing: OutgoingRequest[] = options.requests.map((r) => ({
    url: options.url,
    headers: { 'content-type': r.contentType },
    body: r.body,
  }));
  const total = outgoing.length * options.count;
  const tally = createTally<SendSampleRequestRecord>({
    keepFirst: Math.max(KEEP_FIRST, outgoing.length),
    keepDistinct: KEEP_DISTINCT,
  });
  const progress = await createBurstProgress(options.ctx, total);
  const mask = (text: string) => options.masker.mask(text);
  const toRecord = (result: DeliveryResult, index: number): SendSampleRequestRecord => {
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
      ...(result.location ? { location: result.location } : {}),
    };
  };
  // Built once: every request of a burst shares it (an access token is known and masked by now).
  const delivery: DeliveryOptions = {
    dispatcher: options.dispatcher,
    timeoutMs: options.timeoutMs,
    now: () => performance.now(),
    keepBytes: REPORTED_BODY_BYTES,
    maskBody: mask,
    maskMargin: options.masker.longest,
    deadlines: createAttemptDeadlines(),
    authorize: options.authorize,
    retry: options.retry,
  };
  const started = performance.now();
  try {
    await runBurst({
      total,
      concurrency: options.concurrency,
      // Stop early when nothing could connect: a refused or untrusted endpoint fails every request the same way.
      shouldStop: () => tally.reached === 0 && tally.firstUnreached !== undefined,
      ...(options.ctx.signal ? { signal: options.ctx.signal } : {}),
      task: (index) => deliverRequest(outgoing[index % outgoing.length]!, delivery),
      onResult: (result, index) => {
        progress.tick();
        tally.add(index, result, toRecord);
      },
    });
  } finally {
    progress.stop();
  }
  return { tally, elapsedMs: performance.now() - started };
}
