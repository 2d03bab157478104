import type { Outcome } from '../http/deliver-request.js';
import type { PayloadFormat, WebhookType } from '../payload/requests/payload-request.js';

/** One request of a delivery run, as reports show it (the contract's `requests[]` entry). */
export interface DeliveryRecord {
  /** 1-based position in the run (bursts keep only some records). */
  index: number;
  event: string;
  type: WebhookType | null;
  format: PayloadFormat;
  file?: string;
  /** HTTP status of the last attempt; null when there was no answer. */
  status: number | null;
  durationMs: number;
  attempts: number;
  outcome: Outcome;
  /** The first 2 KiB of the last answer, secrets masked. */
  responseBody: string;
  /** What Tradecloud would make of this outcome. */
  note?: string;
  /** Where a redirect pointed (Tradecloud does not follow it). */
  location?: string;
}
