/**
 * A small Tradecloud integration for tests, behind a real HTTPS receiver: it applies order events to
 * an in-memory order (only the lines an event carries) and shipment events to an in-memory shipment
 * (a line is new or changed when its meta.lastUpdatedAt equals the shipment's). The URL path picks
 * the integration's behaviour:
 *
 * - `/webhook`: forward compatible and idempotent (what Tradecloud asks of its customers);
 * - `/strict`: answers 503 to a field, value or event it does not know (Tradecloud retries that without end);
 * - `/no-duplicates`: answers 500 to a body it has seen before (Tradecloud drops that event for good).
 */
import { createHash } from 'node:crypto';
import { EVENT_CATALOG } from '../../src/core/payload/events.js';
import { startReceiver, type Receiver, type RecordedRequest, type Reply } from './receiver.js';
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return -- payloads and reports are walked as plain JSON here */

type Obj = Record<string, any>;

export interface StoredOrder {
  version: number;
  /** Per line position: its process status as last reported. */
  lines: Map<string, string>;
  events: string[];
}

export interface StoredShipment {
  events: string[];
  /** Per step: how many lines the integration saw as new or changed. */
  changedLines: number[];
}

export interface Integration {
  url: (variant?: 'webhook' | 'strict' | 'no-duplicates') => string;
  receiver: Receiver;
  orders: Map<string, StoredOrder>;
  shipments: Map<string, StoredShipment>;
  /** Applied bodies, by the variant that received them. */
  applied: number;
  close(): Promise<void>;
}

const KNOWN_EVENTS = new Set(Object.values(EVENT_CATALOG).flat());
const TOP_KEYS = new Set(['eventName', 'orderEvent', 'singleDeliveryOrderEvent', 'shipment', 'meta']);
const ORDER_KEYS = new Set([
  'orderId',
  'buyerOrder',
  'supplierOrder',
  'lines',
  'indicators',
  'status',
  'version',
  'meta',
  'lastUpdatedAt',
]);
const LINE_KEYS = new Set([
  'id',
  'lineType',
  'chargeReasonCode',
  'buyerLine',
  'supplierLine',
  'confirmedLine',
  'deliverySchedule',
  'deliveryScheduleIncludingRequests',
  'prices',
  'pricesIncludingRequests',
  'statusLine',
  'indicators',
  'status',
  'mergedItemDetails',
  'lastUpdatedAt',
]);
const PROCESS_STATUSES = new Set(['Issued', 'InProgress', 'Confirmed', 'Rejected', 'Completed', 'Cancelled']);
const SHIPMENT_STATUSES = new Set(['Issued', 'Approved', 'Rejected']);

/** What the strict variant cannot digest, or undefined. */
function unknownIn(body: Obj): string | undefined {
  if (!KNOWN_EVENTS.has(body.eventName)) return `event ${body.eventName}`;
  const extra = Object.keys(body).find((k) => !TOP_KEYS.has(k));
  if (extra) return `field ${extra}`;
  const order = body.orderEvent ?? body.singleDeliveryOrderEvent;
  if (order) {
    const header = Object.keys(order).find((k) => !ORDER_KEYS.has(k));
    if (header) return `field ${header}`;
    for (const line of order.lines ?? []) {
      const field = Object.keys(line).find((k) => !LINE_KEYS.has(k));
      if (field) return `field ${field}`;
      if (!PROCESS_STATUSES.has(line.status?.processStatus)) return `status ${line.status?.processStatus}`;
    }
  }
  if (body.shipment && !SHIPMENT_STATUSES.has(body.shipment.status?.processStatus)) {
    return `status ${body.shipment.status?.processStatus}`;
  }
  return undefined;
}

export async function startIntegration(): Promise<Integration> {
  const orders = new Map<string, StoredOrder>();
  const shipments = new Map<string, StoredShipment>();
  const seen = new Map<string, Set<string>>();
  let applied = 0;
  const ok = (text: string): Reply => ({
    status: 200,
    body: text,
    headers: { 'content-type': 'text/plain' },
  });

  const respond = (request: RecordedRequest): Reply => {
    const variant = request.path.slice(1);
    const digest = createHash('sha256').update(request.body).digest('hex');
    const bodies = seen.get(variant) ?? seen.set(variant, new Set()).get(variant)!;
    const repeated = bodies.has(digest);
    bodies.add(digest);
    if (repeated)
      return variant === 'no-duplicates' ? { status: 500, body: 'duplicate' } : ok('already applied');
    if (!String(request.headers['content-type']).includes('json')) return ok('stored as XML');
    let body: Obj;
    try {
      body = JSON.parse(request.body) as Obj;
    } catch {
      return { status: 400, body: 'not JSON' };
    }
    if (variant === 'strict') {
      const unknown = unknownIn(body);
      if (unknown) return { status: 503, body: `unknown ${unknown}` };
    }
    if (!KNOWN_EVENTS.has(body.eventName)) return ok('ignored an unknown event');
    // Only the webhook variant keeps state, so the tests can read what one clean run left behind.
    if (variant !== 'webhook') return ok('applied');
    applied++;
    const order = body.orderEvent ?? body.singleDeliveryOrderEvent;
    if (order) {
      const stored: StoredOrder = orders.get(order.orderId) ?? { version: 0, lines: new Map(), events: [] };
      orders.set(order.orderId, stored);
      if (order.version < stored.version) return ok('older version ignored');
      stored.version = order.version;
      stored.events.push(body.eventName);
      // An order event carries only the lines it affects: the others stay as they were.
      for (const line of order.lines) stored.lines.set(line.buyerLine.position, line.status.processStatus);
    } else if (body.shipment) {
      const s = body.shipment;
      const stored: StoredShipment = shipments.get(s.id) ?? { events: [], changedLines: [] };
      shipments.set(s.id, stored);
      stored.events.push(body.eventName);
      const lines = [...s.loadCarriers.flatMap((c: Obj) => c.lines), ...s.lines] as Obj[];
      stored.changedLines.push(lines.filter((l) => l.meta.lastUpdatedAt === s.meta.lastUpdatedAt).length);
    }
    return ok('applied');
  };

  const receiver = await startReceiver({ respond });
  return {
    url: (variant = 'webhook') => `${receiver.origin}/${variant}`,
    receiver,
    orders,
    shipments,
    get applied() {
      return applied;
    },
    close: () => receiver.close(),
  };
}
