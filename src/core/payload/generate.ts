import { buildDocumentsEvent } from './build-documents-event.js';
import { buildOrderEvent } from './build-order-event.js';
import { buildShipmentBody } from './build-shipment.js';
import { seededNow } from './dates.js';
import { ORDER_EVENT_RULES } from './event-rules.js';
import { selectEvents, type WebhookType } from './events.js';
import { createRandom } from './prng.js';
import { SHIPMENT_EVENT_RULES } from './shipment-rules.js';

export interface GenerateOptions {
  type: WebhookType;
  event: string;
  /** Same seed, same payload, byte for byte; without one, ids and timestamps are fresh. */
  seed?: number;
  /** The clock; ignored with a seed, whose payload takes its moment from the seed. */
  now: Date;
}

/**
 * The JSON body Tradecloud would POST for this event: `eventName` plus the one event object of
 * the type (docs/webhook-payloads.md §3.0). Throws a UsageError for an event that is not of the type.
 */
export function generatePayload(options: GenerateOptions): Record<string, unknown> {
  const { type, event } = options;
  selectEvents({ type, event });
  const rng = createRandom(options.seed);
  const now = options.seed === undefined ? options.now : seededNow(rng.int);
  switch (type) {
    case 'order':
    case 'single-delivery': {
      const rule = ORDER_EVENT_RULES[event];
      if (!rule) throw new Error(`no sample rule for order event ${event}`);
      const mode = type === 'order' ? 'schedule' : 'single';
      const body = buildOrderEvent({ rng, now, event, rule, mode });
      return { eventName: event, [type === 'order' ? 'orderEvent' : 'singleDeliveryOrderEvent']: body };
    }
    case 'order-documents':
      return { eventName: event, orderDocumentsEvent: buildDocumentsEvent(rng, now, event) };
    case 'shipment': {
      const rule = SHIPMENT_EVENT_RULES[event];
      if (!rule) throw new Error(`no sample rule for shipment event ${event}`);
      return buildShipmentBody(rng, now, event, rule);
    }
  }
}
