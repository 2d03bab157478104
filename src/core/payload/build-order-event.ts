import { buildBuyerOrder, buildSupplierOrder } from './build-order-header.js';
import { buildOrderLine, supplierResponded } from './build-order-line.js';
import { buildMessageMeta } from './build-parties.js';
import type { Json } from './build-values.js';
import { addMs } from './dates.js';
import type { OrderEventRule } from './event-rules.js';
import type { LineState, LogisticsStatus, ProcessStatus } from './line-states.js';
import { buildOrderContext } from './order-context.js';
import type { Random } from './prng.js';

const LOGISTICS_ORDER: readonly LogisticsStatus[] = [
  'Open',
  'Produced',
  'ReadyToShip',
  'Shipped',
  'Delivered',
];

/** The order status aggregates the lines (§3.1.2): a mix of process statuses is still in progress. */
export function aggregateStatus(states: LineState[]): {
  processStatus: ProcessStatus;
  logisticsStatus: LogisticsStatus;
} {
  const processes = new Set(states.map((s) => s.process));
  const moving = states.map((s) => s.logistics).filter((l) => l !== 'Cancelled');
  const logisticsStatus =
    moving.length === 0 ? 'Cancelled' : (LOGISTICS_ORDER.find((l) => moving.some((m) => m === l)) ?? 'Open');
  return {
    processStatus: processes.size === 1 ? (states[0] as LineState).process : 'InProgress',
    logisticsStatus,
  };
}

/** The furthest the goods of the affected lines have come: it decides where the dates lie. */
function furthestLogistics(states: LineState[]): LogisticsStatus {
  const ranks = states.map((s) => LOGISTICS_ORDER.indexOf(s.logistics));
  return LOGISTICS_ORDER[Math.max(...ranks)] ?? 'Open';
}

export interface OrderEventInput {
  rng: Random;
  now: Date;
  event: string;
  rule: OrderEventRule;
  mode: 'schedule' | 'single';
}

/** The `orderEvent` or `singleDeliveryOrderEvent` object: header plus only the affected lines. */
export function buildOrderEvent({ rng, now, event, rule, mode }: OrderEventInput): Json {
  const affected = Object.entries(rule.lines).map(([index, state]) => ({ index: Number(index), state }));
  const states = affected.map((a) => a.state);
  const ctx = buildOrderContext(rng, now, furthestLogistics(states));
  const isNewOrder = event === 'OrderIssuedByBuyer';
  // A new order reaches Tradecloud moments after the buyer's ERP issued it.
  if (isNewOrder) ctx.issuedAt = addMs(ctx.eventAt, -rng.int(2, 60) * 1000);
  const header = {
    supplierResponded: states.some(supplierResponded),
    supplierAccepted: states.every((s) => s.supplierFlag === 'accepted'),
    autoConfirm: rule.autoConfirm === true,
    lastChangedAt:
      rule.by === 'buyer' && !isNewOrder ? addMs(ctx.eventAt, -rng.int(2, 60) * 1000) : ctx.issuedAt,
  };
  const lines = affected.map(({ index, state }) =>
    buildOrderLine(ctx, ctx.lines[index] as (typeof ctx.lines)[number], state, mode),
  );
  return {
    orderId: ctx.orderId,
    buyerOrder: buildBuyerOrder(ctx, header),
    supplierOrder: buildSupplierOrder(ctx, header),
    lines,
    indicators: { deliveryOverdue: false },
    status: aggregateStatus(states),
    version: isNewOrder ? 1 : rng.int(2, 12),
    meta: buildMessageMeta(ctx, rule.by),
    lastUpdatedAt: ctx.eventAt.toISOString(),
  };
}
