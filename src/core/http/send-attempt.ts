import type { Dispatcher } from 'undici';
import { describeNetworkFailure, type NetworkFailure } from '../net/network-failure.js';
import type { AttemptDeadlines } from './attempt-deadlines.js';
import { postCapped, postTarget, type CappedPost, type PostTarget } from './post-capped.js';

export interface OutgoingRequest {
  target: PostTarget;
  /** Content-Type and the like; Authorization is added per attempt (an OAuth token can change). */
  headers: Record<string, string>;
  body: string | Buffer;
  /** The headers with the last Authorization value used: a burst sends the same one many times. */
  authorized?: { value: string; headers: Record<string, string> };
}

/** A request to send, its target split once as undici dispatches it. */
export function outgoingRequest(
  url: URL,
  headers: Record<string, string>,
  body: string | Buffer,
): OutgoingRequest {
  return { target: postTarget(url), headers, body };
}

function headersWith(request: OutgoingRequest, authorization: string | undefined): Record<string, string> {
  if (!authorization) return request.headers;
  if (request.authorized?.value !== authorization)
    request.authorized = { value: authorization, headers: { ...request.headers, authorization } };
  return request.authorized.headers;
}

export interface AttemptOptions {
  dispatcher: Dispatcher;
  timeoutMs: number;
  /** Monotonic milliseconds. */
  now: () => number;
  /** Bytes of the response body to report. */
  keepBytes: number;
  /** Applied before cutting the body to `keepBytes`, so a secret is never cut in half and leaked. */
  maskBody: (text: string) => string;
  /** Longest secret: read this many bytes more than reported so masking sees whole secrets. */
  maskMargin: number;
  /** Times each attempt's --timeout; shared by a whole burst. */
  deadlines?: AttemptDeadlines;
}

export type AttemptResult =
  | {
      answered: true;
      status: number;
      durationMs: number;
      responseBody: string;
      location?: string;
      /** A 401's WWW-Authenticate, secrets masked. */
      challenge?: string;
      bodyAbandoned: boolean;
    }
  /** `status` is set when the answer started (status line and headers) and then broke off. */
  | { answered: false; durationMs: number; failure: NetworkFailure; status?: number };

/** Bytes drained after the reported part so the connection stays reusable; a bigger answer closes it. */
const DRAIN_BYTES = 1024 * 1024;

/** One POST, answered or not. Never throws for network trouble: that is a finding. */
export async function sendAttempt(
  request: OutgoingRequest,
  options: AttemptOptions,
  authorization: string | undefined,
): Promise<AttemptResult> {
  const started = options.now();
  // Objects are built field by field on this path, not spread: it runs for every request of a burst.
  const post: CappedPost = {
    target: request.target,
    headers: headersWith(request, authorization),
    body: request.body,
    timeoutMs: options.timeoutMs,
    keepBytes: options.keepBytes + options.maskMargin,
    drainBytes: DRAIN_BYTES,
  };
  if (options.deadlines) post.deadlines = options.deadlines;
  const result = await postCapped(options.dispatcher, post);
  const durationMs = options.now() - started;
  if (!result.answered) {
    const failure = describeNetworkFailure(result.error, options.timeoutMs, result.status);
    const failed: AttemptResult = { answered: false, durationMs, failure };
    if (result.status !== undefined) failed.status = result.status;
    return failed;
  }
  const { answer } = result;
  const answered: AttemptResult = {
    answered: true,
    status: answer.status,
    durationMs,
    responseBody: truncateUtf8(options.maskBody(answer.text), options.keepBytes),
    bodyAbandoned: answer.abandoned,
  };
  if (answer.location) answered.location = options.maskBody(answer.location);
  if (answer.challenge) answered.challenge = options.maskBody(answer.challenge);
  return answered;
}

function truncateUtf8(text: string, maxBytes: number): string {
  if (text.length * 3 <= maxBytes) return text; // at most 3 bytes per UTF-16 unit: fits for sure
  const buffer = Buffer.from(text, 'utf8');
  if (buffer.length <= maxBytes) return text;
  return buffer
    .subarray(0, maxBytes)
    .toString('utf8')
    .replace(/\uFFFD+$/, '');
}
