import { findBodyField } from '../model/body-fields.js';
import type { WebhookType } from '../model/event-catalog.js';
import type { PayloadFormat } from '../validate/detect-format.js';

export type { PayloadFormat, WebhookType };

/** One body to POST, generated or replayed, with what the report says about it. */

export interface PayloadRequest {
  /** The payload's eventName; "(unknown)" for a file that does not carry one. */
  event: string;
  type: WebhookType | null;
  format: PayloadFormat;
  contentType: 'application/json' | 'application/xml';
  body: string | Buffer;
  /** The replayed file, relative to the working directory. */
  file?: string;
}

/** Reads eventName and the webhook type from a parsed body; undefined when it is not a Tradecloud payload. */
export function identifyPayload(body: unknown): { event: string; type: WebhookType } | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const found = findBodyField(Object.keys(record));
  if (typeof record.eventName !== 'string' || !found) return undefined;
  return { event: record.eventName, type: found.type };
}
