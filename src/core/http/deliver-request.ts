import type { AuthorizationHeader } from './authorization.js';
import type { FailureStage } from '../net/network-failure.js';
import { backoffDelayMs, classifyStatus, explainStatus } from './retry-policy.js';
import { describeAuthChallenge, parseAuthChallenge } from './auth-challenge.js';
import { sendAttempt, type AttemptOptions, type OutgoingRequest } from './send-attempt.js';

export type Outcome = 'delivered' | 'rejected' | 'failed' | 'retried-then-delivered' | 'gave-up';

export interface RetryOptions {
  enabled: boolean;
  maxRetries: number;
  baseMs: number;
  /** The longest back-off delay (--retry-cap-ms); the doubling stops there. */
  capMs?: number;
  /** No retry starts once the delivery, back-off included, would outlast this (--max-retry-time). */
  maxTimeMs?: number;
  sleep: (ms: number) => Promise<void>;
}

export interface DeliveryOptions extends AttemptOptions {
  /** Called before every attempt: an OAuth token may be refreshed during a long burst. */
  authorize: AuthorizationHeader;
  retry: RetryOptions;
}

export interface DeliveryResult {
  /** HTTP status of the last attempt; null when there was no answer. */
  status: number | null;
  /** Wall time of the whole request, attempts and back-off included. */
  durationMs: number;
  attempts: number;
  outcome: Outcome;
  /** The first bytes of the last answer (2 KiB in runs), secrets masked. */
  responseBody: string;
  /** What Tradecloud would make of this outcome. */
  note?: string;
  /** Where a redirect pointed (Tradecloud does not follow it). */
  location?: string;
  /** A 401's WWW-Authenticate `error` and `error_description` (RFC 6750 §3), when it gave them. */
  authError?: { error?: string; errorDescription?: string };
  /** How far a request without an answer got; `connect` / `tls` mean the endpoint was never reached. */
  stage?: FailureStage;
  /** Latency of every answered attempt, for the burst statistics. */
  answeredMs: number[];
}

/**
 * The back-off before retrying an answer with `status` to attempt number `attempt`, `elapsedMs`
 * into the delivery; undefined when it is not retried (not retryable, retries or time used up).
 */
function retryDelay(
  status: number,
  attempt: number,
  elapsedMs: number,
  retry: RetryOptions,
): number | undefined {
  if (!retry.enabled || attempt > retry.maxRetries || classifyStatus(status) !== 'retryable')
    return undefined;
  const delay = Math.min(backoffDelayMs(attempt, retry.baseMs), retry.capMs ?? Number.POSITIVE_INFINITY);
  if (retry.maxTimeMs !== undefined && elapsedMs + delay > retry.maxTimeMs) return undefined;
  return delay;
}

/** Delivers one request following Tradecloud's policy: only answers above 500 are retried. */
export async function deliverRequest(
  request: OutgoingRequest,
  options: DeliveryOptions,
): Promise<DeliveryResult> {
  const started = options.now();
  const answeredMs: number[] = [];
  let retriedStatuses: number[] | undefined;
  for (let attempt = 1; ; attempt++) {
    let authorization: string | undefined;
    try {
      const value = options.authorize();
      authorization = value === undefined || typeof value === 'string' ? value : await value;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        status: null,
        durationMs: options.now() - started,
        attempts: attempt - 1,
        outcome: 'failed',
        responseBody: '',
        note: reason,
        answeredMs,
      };
    }
    const result = await sendAttempt(request, options, authorization);
    // The delivery ends with this attempt's answer, unless it is retried.
    const elapsedMs = options.now() - started;
    if (!result.answered) {
      // An answer that started and broke off (closed mid-body, too slow to finish) is a failed
      // delivery: Tradecloud retries it only for a status above 500, as for a complete answer.
      const { status } = result;
      const delay = status === undefined ? undefined : retryDelay(status, attempt, elapsedMs, options.retry);
      if (status !== undefined && delay !== undefined) {
        (retriedStatuses ??= []).push(status);
        await options.retry.sleep(delay);
        continue;
      }
      return {
        status: status ?? null,
        durationMs: elapsedMs,
        attempts: attempt,
        outcome:
          status !== undefined && options.retry.enabled && classifyStatus(status) === 'retryable'
            ? 'gave-up'
            : 'failed',
        responseBody: '',
        note: result.failure.reason,
        stage: result.failure.stage,
        answeredMs,
      };
    }
    answeredMs.push(result.durationMs);
    const kind = classifyStatus(result.status);
    const delay = retryDelay(result.status, attempt, elapsedMs, options.retry);
    if (delay !== undefined) {
      (retriedStatuses ??= []).push(result.status);
      await options.retry.sleep(delay);
      continue;
    }
    const outcome: Outcome =
      kind === 'delivered'
        ? attempt > 1
          ? 'retried-then-delivered'
          : 'delivered'
        : kind === 'rejected'
          ? 'rejected'
          : options.retry.enabled
            ? 'gave-up'
            : 'failed';
    const note =
      explainStatus(result.status, { retried: options.retry.enabled, location: result.location }) ??
      (retriedStatuses
        ? `delivered on attempt ${attempt}, after ${retriedStatuses.join(', ')} (retried as Tradecloud would)`
        : undefined);
    const challenge = result.challenge ? parseAuthChallenge(result.challenge) : undefined;
    const said = describeAuthChallenge(challenge);
    const bodyNote = result.bodyAbandoned
      ? 'response body over 1 MiB: the rest was not downloaded'
      : undefined;
    const done: DeliveryResult = {
      status: result.status,
      durationMs: elapsedMs,
      attempts: attempt,
      outcome,
      responseBody: result.responseBody,
      answeredMs,
    };
    if (note || bodyNote || said) done.note = [said, note, bodyNote].filter(Boolean).join('; ');
    if (result.location) done.location = result.location;
    if (said && challenge) {
      done.authError = {
        ...(challenge.error ? { error: challenge.error } : {}),
        ...(challenge.errorDescription ? { errorDescription: challenge.errorDescription } : {}),
      };
    }
    return done;
  }
}
