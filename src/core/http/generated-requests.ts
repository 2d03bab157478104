import { selectEvents } from '../payload/events.js';
import { generatePayload } from '../payload/generate.js';
import { renderBody } from '../payload/render-body.js';
import type { PayloadFormat, PayloadRequest, WebhookType } from './payload-request.js';

export interface GenerateRequestsOptions {
  type?: WebhookType;
  event?: string;
  all: boolean;
  format: PayloadFormat;
  seed?: number;
  now: Date;
}

/**
 * One generated body per selected event, rendered once: a burst repeats these bodies rather than
 * generating a payload per request. With a seed, event i uses seed + i, so the first event's body
 * is the same bytes `tc-webhook sample --seed` prints.
 */
export async function generateRequests(options: GenerateRequestsOptions): Promise<PayloadRequest[]> {
  const { type, events } = selectEvents({ type: options.type, event: options.event, all: options.all });
  const requests: PayloadRequest[] = [];
  for (const [i, event] of events.entries()) {
    const seed = options.seed === undefined ? undefined : options.seed + i;
    const payload = generatePayload({
      type,
      event,
      now: options.now,
      ...(seed === undefined ? {} : { seed }),
    });
    const { contentType, text } = await renderBody(payload, type, options.format);
    requests.push({ event, type, format: options.format, contentType, body: text });
  }
  return requests;
}
