import type { Dispatcher } from 'undici';
import { USER_AGENT } from '../net/user-agent.js';
import { describeNetworkFailure } from '../net/network-failure.js';
import { isLoopbackHost } from '../net/loopback.js';
import { postCapped, postTarget } from '../http/post-capped.js';
import { VIA } from './forward-loop.js';

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
  /** The `Via` the request arrived with: this listener's hop is appended. */
  via?: string;
}) => Promise<RelayAnswer>;

/** What of the answer is passed back; Tradecloud keeps only a short excerpt of answer bodies anyway. */
const KEEP_BYTES = 64 * 1024;
const DRAIN_BYTES = 1024 * 1024;

/**
 * Whether credentials must be removed before forwarding: to a plain-http target that is not this
 * machine they would cross the network in clear text (to an https or loopback target they go as
 * received).
 */
export function stripsCredentials(target: URL): boolean {
  return target.protocol === 'http:' && !isLoopbackHost(target.hostname);
}

/**
 * Relays a delivery to `--forward-to`: the body bytes, Content-Type and the Authorization header
 * as received (removed for a clear-text target that is not this machine: stripsCredentials), with
 * `Via: 1.1 tc-webhook` appended so a loop is recognised, over the delivery agent (verification on,
 * --ca trusted). The one place that forwards.
 */
export function forwardDelivery(
  target: URL,
  dispatcher: Dispatcher,
  timeoutMs: number,
  now: () => number,
): Relay {
  const destination = postTarget(target);
  const strip = stripsCredentials(target);
  return async (delivery) => {
    const headers: Record<string, string> = { 'user-agent': USER_AGENT };
    if (delivery.contentType) headers['content-type'] = delivery.contentType;
    if (delivery.authorization && !strip) headers.authorization = delivery.authorization;
    headers.via = delivery.via ? `${delivery.via}, ${VIA}` : VIA;
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
