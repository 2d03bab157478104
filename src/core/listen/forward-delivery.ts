import type { Dispatcher } from 'undici';
import { describeNetworkFailure } from '../net/network-failure.js';
import { postCapped, postTarget } from '../http/post-capped.js';

/** The developer's endpoint's answer, relayed to the sender; `error` when it could not be reached (502). */
export interface RelayAnswer {
  status: number;
  contentType?: string;
  body: string;
  durationMs: number;
  error?: string;
}

export type Relay = (delivery: {
  body: Buffer;
  contentType?: string;
  authorization?: string;
}) => Promise<RelayAnswer>;

/** What of the answer is passed back; Tradecloud keeps only a short excerpt of answer bodies anyway. */
const KEEP_BYTES = 64 * 1024;
const DRAIN_BYTES = 1024 * 1024;

/**
 * Relays a delivery to `--forward-to`: the body bytes, Content-Type and the Authorization header
 * as received, over the delivery agent (verification on, --ca trusted). The one place that
 * forwards, so it can later move onto a shared delivery service with proxy support.
 */
export function forwardDelivery(
  target: URL,
  dispatcher: Dispatcher,
  timeoutMs: number,
  now: () => number,
): Relay {
  const destination = postTarget(target);
  return async (delivery) => {
    const headers: Record<string, string> = {};
    if (delivery.contentType) headers['content-type'] = delivery.contentType;
    if (delivery.authorization) headers.authorization = delivery.authorization;
    const started = now();
    const result = await postCapped(dispatcher, {
      target: destination,
      headers,
      body: delivery.body,
      timeoutMs,
      keepBytes: KEEP_BYTES,
      drainBytes: DRAIN_BYTES,
    });
    const durationMs = Math.round((now() - started) * 10) / 10;
    if (!result.answered) {
      const { reason } = describeNetworkFailure(result.error, timeoutMs);
      return {
        status: 502,
        body: `{"error":"bad gateway","reason":${JSON.stringify(reason)}}`,
        contentType: 'application/json',
        durationMs,
        error: reason,
      };
    }
    const { answer } = result;
    return {
      status: answer.status,
      body: answer.text,
      durationMs,
      ...(answer.contentType ? { contentType: answer.contentType } : {}),
    };
  };
}
