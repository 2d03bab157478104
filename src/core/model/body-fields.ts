import type { WebhookType } from './event-catalog.js';

/**
 * The top-level field that carries a webhook body's event object, and the webhook it belongs to
 * (docs/webhook-payloads.md §3.0). The one table behind `validate --type auto`, the type of a
 * replayed `send-sample --file`, which operation of a spec fits a body, and `--set` paths.
 */
export const BODY_FIELDS: Readonly<Record<string, WebhookType>> = Object.freeze({
  orderEvent: 'order',
  singleDeliveryOrderEvent: 'single-delivery',
  orderDocumentsEvent: 'order-documents',
  shipment: 'shipment',
});

/**
 * simpleOrderEvent: the single-delivery field's name until April 2024. Tradecloud no longer sends
 * it, but a body that has it is still an order body (validate reports the field as retired).
 */
export const RETIRED_BODY_FIELDS: Readonly<Record<string, WebhookType>> = Object.freeze({
  simpleOrderEvent: 'single-delivery',
});

/** Order fields first: a body with both an order field and `shipment` is an order body. */
const LOOKUP_ORDER = [
  'orderEvent',
  'singleDeliveryOrderEvent',
  'orderDocumentsEvent',
  'simpleOrderEvent',
  'shipment',
];

export interface BodyField {
  field: string;
  type: WebhookType;
  retired: boolean;
}

/** Which webhook a body with these top-level field names belongs to; undefined when none says. */
export function findBodyField(fields: Iterable<string>): BodyField | undefined {
  const present = new Set(fields);
  const field = LOOKUP_ORDER.find((name) => present.has(name));
  if (field === undefined) return undefined;
  const retired = field in RETIRED_BODY_FIELDS;
  return { field, type: (retired ? RETIRED_BODY_FIELDS : BODY_FIELDS)[field]!, retired };
}

/** Which webhook (and bundled schema) a body type belongs to. */
export function bodyKindOf(type: WebhookType): 'order' | 'shipment' {
  return type === 'shipment' ? 'shipment' : 'order';
}
