import { findBodyField } from '../model/body-fields.js';
import { generatePayload } from '../payload/generate.js';
import { renderBody } from '../payload/render-body.js';
import type { PayloadRequest, WebhookType } from '../requests/payload-request.js';

type Obj = Record<string, unknown>;

/** A body of the forward-compatibility check, and what it adds that the endpoint cannot know yet. */
export interface ForwardCompatBody {
  /** e.g. "an unknown field at the top". */
  label: string;
  request: PayloadRequest;
}

const FUTURE_FIELD = 'tcWebhookFutureField';
const FUTURE_VALUE = 'added by Tradecloud after your integration was built';
/** Event names no Tradecloud list has; plausible in shape, unmistakable in name. */
const FUTURE_EVENT: Record<WebhookType, string> = {
  order: 'OrderTcWebhookFutureEventByBuyer',
  'single-delivery': 'OrderTcWebhookFutureEventByBuyer',
  'order-documents': 'OrderDocumentsTcWebhookFutureEventByBuyer',
  shipment: 'ShipmentTcWebhookFutureEventBySupplier',
};
/** A status value outside the documented list (docs/webhook-payloads.md §4.13). */
const FUTURE_STATUS = 'TcWebhookFutureStatus';

function firstLine(event: Obj): Obj | undefined {
  const lines = event.lines;
  return Array.isArray(lines) && typeof lines[0] === 'object' ? (lines[0] as Obj) : undefined;
}

/** Where a status value lives: the first line's processStatus, else the event object's own. */
function statusHolder(event: Obj): Obj | undefined {
  const line = firstLine(event);
  const status = (line?.status ?? event.status) as Obj | undefined;
  return status && typeof status.processStatus === 'string' ? status : undefined;
}

/**
 * Tradecloud adds fields, values and events without notice (docs/forward-compatibility.md): one body
 * each with an unknown field at the top, in the header and in a line, an undocumented status value
 * and an unknown event name, all built on a generated body of `event`.
 */
export async function forwardCompatBodies(
  like: { type: WebhookType; event: string; format: PayloadRequest['format'] },
  now: Date,
): Promise<ForwardCompatBody[]> {
  const base = generatePayload({ type: like.type, event: like.event, now });
  const key = findBodyField(Object.keys(base))?.field ?? 'orderEvent';
  const variants: [string, (body: Obj) => boolean][] = [
    ['an unknown field at the top', (b) => ((b[FUTURE_FIELD] = FUTURE_VALUE), true)],
    ['an unknown field in the header', (b) => (((b[key] as Obj)[FUTURE_FIELD] = FUTURE_VALUE), true)],
    [
      'an unknown field in a line',
      (b) => {
        const line = firstLine(b[key] as Obj);
        if (line) line[FUTURE_FIELD] = FUTURE_VALUE;
        return line !== undefined;
      },
    ],
    [
      `an undocumented status value (${FUTURE_STATUS})`,
      (b) => {
        const status = statusHolder(b[key] as Obj);
        if (status) status.processStatus = FUTURE_STATUS;
        return status !== undefined;
      },
    ],
    [
      `an unknown event name (${FUTURE_EVENT[like.type]})`,
      (b) => ((b.eventName = FUTURE_EVENT[like.type]), true),
    ],
  ];
  const bodies: ForwardCompatBody[] = [];
  for (const [label, change] of variants) {
    const body = structuredClone(base);
    // A fresh message per body: an endpoint that drops repeated messages must still judge each one.
    const meta = ((body[key] as Obj).meta ?? body.meta) as Obj | undefined;
    if (meta && typeof meta.messageId === 'string') meta.messageId = crypto.randomUUID();
    if (!change(body)) continue;
    const { contentType, text } = await renderBody(body, like.type, like.format);
    bodies.push({
      label,
      request: {
        event: String(body.eventName),
        type: like.type,
        format: like.format,
        contentType,
        body: text,
      },
    });
  }
  return bodies;
}

/** One generated event, to be sent twice byte for byte (as after a timeout on Tradecloud's side). */
export async function duplicateBody(
  like: { type: WebhookType; event: string; format: PayloadRequest['format'] },
  now: Date,
): Promise<PayloadRequest> {
  const body = generatePayload({ type: like.type, event: like.event, now });
  const { contentType, text } = await renderBody(body, like.type, like.format);
  return { event: like.event, type: like.type, format: like.format, contentType, body: text };
}
