/**
 * Tradecloud's reaction to an answer (webhook docs, "How Tradecloud reacts to the response"):
 * 2xx delivered; 4xx and 500 failed for good; 501–599 retried indefinitely with exponential
 * back-off. Redirects are not followed.
 */
export type AnswerClass = 'delivered' | 'rejected' | 'retryable';

export function classifyStatus(status: number): AnswerClass {
  if (status >= 200 && status <= 299) return 'delivered';
  if (status > 500 && status <= 599) return 'retryable';
  return 'rejected';
}

/**
 * The class of an answer, as Tradecloud tells them apart: delivered (2xx), not followed (3xx),
 * dropped (4xx, 500), retried without end (501-599), or no answer at all. A repeated delivery
 * should get the same class as the first.
 */
export function answerClass(status: number | null): string {
  if (status === null) return 'no answer';
  if (status === 500) return '500';
  return `${Math.floor(status / 100)}xx`;
}

/** Delay before retry number `retry` (1-based): base, 2×base, 4×base, … */
export function backoffDelayMs(retry: number, baseMs: number): number {
  return baseMs * 2 ** (retry - 1);
}

/** What the user should know about an answer, in Tradecloud's terms; undefined for a plain success. */
export function explainStatus(
  status: number,
  options: { retried: boolean; location?: string },
): string | undefined {
  if (status >= 200 && status <= 299) return undefined;
  if (status >= 300 && status <= 399) {
    const target = options.location ? ` to ${options.location}` : '';
    return `redirect${target}: Tradecloud does not follow redirects; configure the final URL`;
  }
  if (status === 401 || status === 403) {
    return `Tradecloud treats ${status} as a permanent failure and will not retry it; check the credentials`;
  }
  if (status === 500) {
    return 'Tradecloud treats 500 as a functional error and will not retry it; answer 502 or 503 for a temporary outage';
  }
  if (status >= 400 && status <= 499) {
    return `Tradecloud treats ${status} as a permanent failure and will not retry it`;
  }
  if (status > 500 && status <= 599) {
    return options.retried
      ? 'still failing after the last retry; Tradecloud itself would keep retrying without end, with exponential back-off (its real timings are not published)'
      : 'Tradecloud would retry this with exponential back-off; run with --retry to follow that policy';
  }
  return `unexpected status ${status}: Tradecloud expects 2xx for a delivered message`;
}
