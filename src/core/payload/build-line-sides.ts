import { buildBuyerItemDetails, buildItem, buildSupplierItemDetails } from './build-item.js';
import { buildDocument } from './build-parties.js';
import {
  buildDeliveryHistory,
  buildPlainSchedule,
  buildPrices,
  buildScheduledDelivery,
  type Json,
} from './build-values.js';
import type { LineSeed } from './line-seeds.js';
import type { LineRequest, LineState } from './line-states.js';
import type { OrderContext } from './order-context.js';

/** Delivery-schedule mode (§3.1) or single-delivery mode (§3.2). */
export type LineMode = 'schedule' | 'single';

const REASONS: Record<string, string> = {
  'supplierLine.proposal': 'Earliest production slot is later; raw material surcharge applies.',
  'buyerLine.reopenRequest': 'Project planning moved; we need the goods later.',
  'supplierLine.reopenRequest': 'Furnace maintenance delays production.',
};

/** Schedule values in the shape of the mode: an array of deliveries, or the one delivery. */
export function scheduleField(mode: LineMode, seed: LineSeed, set: keyof LineSeed['values']): Json {
  const schedule = seed.values[set].schedule;
  return mode === 'schedule'
    ? { deliverySchedule: buildPlainSchedule(schedule) }
    : { scheduledDelivery: buildScheduledDelivery(schedule) };
}

/** A proposal or reopen request (§3.1.9): always asks for the alternative values. */
function buildRequest(ctx: OrderContext, seed: LineSeed, request: LineRequest, mode: LineMode): Json {
  return {
    ...scheduleField(mode, seed, 'alternative'),
    prices: buildPrices(seed.values.alternative.prices, ctx),
    reason: REASONS[`${request.side}.${request.kind}`],
    status: request.status,
  };
}

function requestsOn(
  side: LineRequest['side'],
  ctx: OrderContext,
  seed: LineSeed,
  state: LineState,
  mode: LineMode,
) {
  const r = state.request;
  return r?.side === side ? { requests: { [r.kind]: buildRequest(ctx, seed, r, mode) } } : {};
}

/** The buyer's line (§3.1.6) repeats what the buyer issued, plus its flags and requests. */
export function buildBuyerLine(ctx: OrderContext, seed: LineSeed, state: LineState, mode: LineMode): Json {
  const issued = seed.values.issued;
  const isItem = seed.article !== undefined;
  const flags = Object.fromEntries((state.buyerFlags ?? []).map((f) => [f, true]));
  const history = state.history
    ? buildDeliveryHistory(issued.schedule, state.history, ctx.eventAt)
    : undefined;
  const itemDetails = buildBuyerItemDetails(ctx, seed);
  return {
    position: seed.position,
    description: isItem
      ? `${seed.article?.goods.name} for project P-${ctx.purchaseOrderNumber.slice(-4)}`
      : 'Freight',
    item: buildItem(seed),
    ...(itemDetails ? { itemDetails } : {}),
    ...(mode === 'schedule'
      ? { deliverySchedule: buildPlainSchedule(issued.schedule, isItem ? 'Road transport' : undefined) }
      : { scheduledDelivery: buildScheduledDelivery(issued.schedule) }),
    ...(history && mode === 'schedule' ? { deliveryHistory: history } : {}),
    ...(history && mode === 'single' ? { actualDelivery: buildScheduledDelivery(history) } : {}),
    prices: buildPrices(issued.prices, ctx),
    ...(isItem
      ? {
          terms: {
            contractNumber: `FC-${ctx.buyer.company.countryCodeIso2}-0${ctx.rng.digits(3)}`,
            contractPosition: seed.position,
          },
          projectNumber: `P-${ctx.purchaseOrderNumber.slice(-4)}`,
          productionNumber: `WO${ctx.rng.digits(6)}`,
          salesOrderNumber: `CSO${ctx.rng.digits(6)}`,
          certification: {
            typeCode: 'C',
            type: 'Class Certificate',
            classificationSocietyCode: 'LR',
            classificationSociety: "Lloyd's Register",
          },
        }
      : {}),
    indicators: { noDeliveryExpected: !isItem, ...flags },
    properties: [{ key: 'Inspection', value: isItem ? 'Incoming goods inspection' : 'None' }],
    notes: [isItem ? 'Label every package with our item number.' : 'Charged once per order.'],
    labels: [isItem ? 'Labelling' : 'Freight'],
    ...(isItem
      ? {
          documents: [
            buildDocument(ctx, {
              code: `DRW-${seed.article?.buyerItemNumber}`,
              name: `Drawing ${seed.article?.buyerItemNumber}.pdf`,
              description: `Technical drawing ${seed.article?.goods.name}`,
              type: 'Drawing',
              storage: 'url',
              domain: ctx.buyer.company.domain,
            }),
          ],
        }
      : {}),
    ...requestsOn('buyerLine', ctx, seed, state, mode),
  };
}

/** The supplier's line (§3.1.7): its sales order reference, answer and requests. */
export function buildSupplierLine(ctx: OrderContext, seed: LineSeed, state: LineState, mode: LineMode): Json {
  const itemDetails = state.supplierItemDetails ? buildSupplierItemDetails(seed) : undefined;
  return {
    salesOrderNumber: ctx.salesOrderNumber,
    salesOrderPosition: String(Number(seed.position) * 10),
    description: seed.article
      ? `${seed.article.supplierItemNumber} ${seed.article.goods.name}`
      : 'Freight costs',
    ...(itemDetails ? { itemDetails } : {}),
    ...(state.supplierFlag ? { indicators: { [state.supplierFlag]: true } } : {}),
    ...(state.supplierFlag === 'rejected'
      ? { reason: 'Item discontinued; please order the successor.' }
      : {}),
    ...requestsOn('supplierLine', ctx, seed, state, mode),
    properties: [{ key: 'Production plant', value: ctx.supplier.company.city }],
    notes: ['Delivery date confirmed subject to material availability.'],
    ...(seed.article
      ? {
          documents: [
            buildDocument(ctx, {
              code: `CERT-${ctx.salesOrderNumber}-${seed.position}`,
              name: `EN 10204 3.1 certificate ${seed.article.supplierItemNumber}.pdf`,
              description: 'Inspection certificate EN 10204 3.1',
              type: 'Certificate',
              storage: 'object',
            }),
          ],
        }
      : {}),
  };
}
