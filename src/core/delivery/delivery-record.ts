import type { DeliveryResult } from '../http/deliver-request.js';
import type { PayloadFormat, WebhookType } from '../requests/payload-request.js';

/** One request of a delivery run, as reports show it (the contract's `requests[]` entry): its result, placed in the run. */
export interface DeliveryRecord extends Pick<
  DeliveryResult,
  'status' | 'durationMs' | 'attempts' | 'outcome' | 'responseBody' | 'note' | 'location' | 'authError'
> {
  /** 1-based position in the run (bursts keep only some records). */
  index: number;
  event: string;
  type: WebhookType | null;
  format: PayloadFormat;
  file?: string;
  /** `--redeliver`: this is repeat number n of the request before it, byte for byte. */
  redelivery?: number;
  /** `--redeliver`: whether this repeat got the same class of answer as the first delivery. */
  sameClass?: boolean;
}
