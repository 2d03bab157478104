import type { Dispatcher } from 'undici';
import {
  AttemptTimeoutError,
  ownTimers,
  type AttemptDeadlines,
  type Deadline,
  type Expiring,
} from './attempt-deadlines.js';

/** Where a POST goes, as undici's dispatch takes it: computed once for a burst's many requests. */
export interface PostTarget {
  origin: string;
  /** Path and query. */
  path: string;
}

export function postTarget(url: URL): PostTarget {
  return { origin: url.origin, path: `${url.pathname}${url.search}` };
}

export interface CappedPost {
  /** From postTarget(url), once per destination: a burst or a relay posts to it many times. */
  target: PostTarget;
  headers: Record<string, string>;
  body: string | Buffer;
  timeoutMs: number;
  /** Bytes of the answer kept for the report. */
  keepBytes: number;
  /**
   * Bytes read and dropped after that, so the keep-alive connection can be reused; beyond this the
   * exchange is aborted (closing the connection) rather than downloading a huge answer nobody reads.
   */
  drainBytes: number;
  /** How the whole-attempt timeout is timed; a burst shares one ticking timer. */
  deadlines?: AttemptDeadlines;
}

export interface CappedAnswer {
  status: number;
  location?: string;
  contentType?: string;
  /** A 401's WWW-Authenticate challenge (what the endpoint says is wrong with the credentials). */
  challenge?: string;
  /** The first `keepBytes` of the body, decoded as UTF-8. */
  text: string;
  /** Body bytes received; only the kept part was held in memory. */
  bytes: number;
  abandoned: boolean;
}

export type CappedResult =
  | { answered: true; answer: CappedAnswer }
  /** `status` is set when the headers arrived and the body then failed. */
  | { answered: false; error: Error; status?: number };

/** Anything but printable ASCII and tab: only a value with such a byte can need decoding. */
const NOT_PLAIN_ASCII = /[^ -~\t]/;

/**
 * The first of a repeated response header, decoded as UTF-8: undici's handler interface passes
 * header values byte for byte as latin1 strings. Plain ASCII (nearly every answer's headers) is
 * the same text either way and is taken as it is.
 */
function firstValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || !NOT_PLAIN_ASCII.test(first)) return first;
  return Buffer.from(first, 'latin1').toString('utf8');
}

/**
 * Receives one answer with bounded memory (a 50 MB answer costs no more than a 50 byte one),
 * straight from undici's dispatch handler: no response stream and no promise per chunk, which a
 * burst of a hundred thousand requests notices. It speaks the handler interface undici 7 documents
 * (onRequestStart, onResponseStart, onResponseData, onResponseEnd, onResponseError), as every
 * dispatch of the tool does.
 */
class CappedHandler implements Dispatcher.DispatchHandler, Expiring {
  private readonly kept: Buffer[] = [];
  private keptBytes = 0;
  private bytes = 0;
  private status: number | undefined;
  private location: string | undefined;
  private contentType: string | undefined;
  private challenge: string | undefined;
  private abandoned = false;
  private settled = false;
  private controller: Dispatcher.DispatchController | undefined;
  private readonly deadline: Deadline;

  constructor(
    private readonly limits: {
      keepBytes: number;
      drainBytes: number;
      timeoutMs: number;
      deadlines?: AttemptDeadlines;
    },
    private readonly settle: (result: CappedResult) => void,
  ) {
    this.deadline = (limits.deadlines ?? ownTimers).schedule(limits.timeoutMs, this);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // Expired while waiting for a connection: drop the request now that it can be aborted.
    if (this.settled) controller.abort(new AttemptTimeoutError(this.limits.timeoutMs, false));
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    // An interim answer (102 Processing, 103 Early Hints) is not the answer; undici waits for the final one.
    if (statusCode < 200) return;
    this.status = statusCode;
    this.location = firstValue(headers.location);
    this.contentType = firstValue(headers['content-type']);
    if (statusCode === 401) this.challenge = firstValue(headers['www-authenticate']);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.keptBytes < this.limits.keepBytes) {
      const part = chunk.subarray(0, this.limits.keepBytes - this.keptBytes);
      this.kept.push(Buffer.from(part));
      this.keptBytes += part.length;
    }
    if (this.bytes > this.limits.keepBytes + this.limits.drainBytes && !this.abandoned) {
      this.abandoned = true;
      this.finish();
      controller.abort(new Error('response body abandoned after the reported part'));
    }
  }

  onResponseEnd(): void {
    this.finish();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(error);
  }

  /** Settles as failed (once); also for a request undici refused before dispatching it. */
  fail(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.deadline.cancel();
    const failed: CappedResult = { answered: false, error };
    if (this.status !== undefined) failed.status = this.status;
    this.settle(failed);
  }

  /** The attempt's deadline passed. Settles once, and only then aborts: the abort's own error callback is ignored. */
  expire(): void {
    if (this.settled) return;
    const error = new AttemptTimeoutError(this.limits.timeoutMs, this.controller !== undefined);
    this.fail(error);
    this.controller?.abort(error);
  }

  private finish(): void {
    if (this.settled) return;
    this.settled = true;
    this.deadline.cancel();
    const { kept } = this;
    const whole =
      kept.length === 0 ? '' : (kept.length === 1 ? kept[0]! : Buffer.concat(kept)).toString('utf8');
    // A multi-byte character cut at the boundary decodes as U+FFFD; drop it rather than show garbage.
    const text = whole.endsWith('\uFFFD') ? whole.replace(/\uFFFD+$/, '') : whole;
    // Field by field, not spread: this runs for every request of a burst.
    const answer: CappedAnswer = {
      status: this.status ?? 0,
      text,
      bytes: this.bytes,
      abandoned: this.abandoned,
    };
    if (this.location) answer.location = this.location;
    if (this.contentType) answer.contentType = this.contentType;
    if (this.challenge) answer.challenge = this.challenge;
    this.settle({ answered: true, answer });
  }
}

/** One POST; network trouble is a result, not an exception. */
export function postCapped(dispatcher: Dispatcher, post: CappedPost): Promise<CappedResult> {
  return new Promise((resolve) => {
    const handler = new CappedHandler(post, resolve);
    const { target } = post;
    try {
      dispatcher.dispatch(
        {
          origin: target.origin,
          path: target.path,
          method: 'POST',
          headers: post.headers,
          body: post.body,
          // The attempt's own deadline (above) bounds headers and body alike: undici's timers
          // would only be set and cleared again on every request of a burst.
          headersTimeout: 0,
          bodyTimeout: 0,
        },
        handler,
      );
    } catch (error) {
      // Invalid arguments (a header value undici refuses) are thrown synchronously.
      handler.fail(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
