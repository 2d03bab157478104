import { buildMergedItemDetails } from './build-item.js';
import { buildBuyerLine, buildSupplierLine, scheduleField, type LineMode } from './build-line-sides.js';
import { buildLineSchedule, buildPrices, buildScheduledDelivery, type Json } from './build-values.js';
import type { LineSeed } from './line-seeds.js';
import type { LineState, ValueSet } from './line-states.js';
import type { OrderContext } from './order-context.js';

/** Whether the supplier has answered this line (an issued line has no supplier side yet). */
export function supplierResponded(state: LineState): boolean {
  return state.process !== 'Issued' && state.inProgress !== 'ReissuedRejectedLine';
}

/**
 * The current values, without and with open requests: as `deliverySchedule`/`prices` and their
 * `IncludingRequests` twins in delivery-schedule mode, or as `statusLine` in single-delivery mode.
 */
function currentValues(ctx: OrderContext, seed: LineSeed, state: LineState, mode: LineMode): Json {
  const current: ValueSet = state.current ?? state.confirmed ?? 'issued';
  const including: ValueSet = state.includingRequests ?? current;
  const now = seed.values[current];
  const incl = seed.values[including];
  if (mode === 'schedule') {
    return {
      deliverySchedule: buildLineSchedule(now.schedule, state.logistics),
      deliveryScheduleIncludingRequests: buildLineSchedule(incl.schedule, state.logistics),
      prices: buildPrices(now.prices, ctx),
      pricesIncludingRequests: buildPrices(incl.prices, ctx),
    };
  }
  return {
    statusLine: {
      scheduledDelivery: buildScheduledDelivery(now.schedule, state.logistics),
      scheduledDeliveryInclRequests: buildScheduledDelivery(incl.schedule, state.logistics),
      prices: buildPrices(now.prices, ctx),
      pricesInclRequests: buildPrices(incl.prices, ctx),
    },
  };
}

/** One line of an order event (§3.1.5, §3.2.2) in the state the event left it in. */
export function buildOrderLine(ctx: OrderContext, seed: LineSeed, state: LineState, mode: LineMode): Json {
  const merged = buildMergedItemDetails(ctx, seed, state.supplierItemDetails === true);
  return {
    id: seed.id,
    lineType: seed.lineType,
    ...(seed.lineType === 'Charge' ? { chargeReasonCode: 'FC' } : {}),
    buyerLine: buildBuyerLine(ctx, seed, state, mode),
    ...(supplierResponded(state) ? { supplierLine: buildSupplierLine(ctx, seed, state, mode) } : {}),
    ...(state.confirmed
      ? {
          confirmedLine: {
            ...scheduleField(mode, seed, state.confirmed),
            prices: buildPrices(seed.values[state.confirmed].prices, ctx),
          },
        }
      : {}),
    ...currentValues(ctx, seed, state, mode),
    indicators: { deliveryOverdue: false },
    status: {
      processStatus: state.process,
      ...(state.inProgress ? { inProgressStatus: state.inProgress } : {}),
      logisticsStatus: state.logistics,
    },
    ...(merged ? { mergedItemDetails: merged } : {}),
    lastUpdatedAt: ctx.eventAt.toISOString(),
  };
}
