import type { Json } from './build-values.js';
import { addDays, toDate } from './dates.js';
import { roundTo } from './identifiers.js';
import type { Article, Delivery, LineSeed } from './line-seeds.js';
import type { OrderContext } from './order-context.js';

export interface ShipmentLineInput {
  despatchAdviceNumber: string;
  /** The moment each line was last changed: the shipment's own moment for changed lines. */
  lastUpdatedAt: (index: number) => string;
  /** The despatched share of the first delivery of each line (a reissue may change it). */
  share: (index: number) => number;
}

/** A despatched line (§3.4.6): one delivery of one order line, with the supplier's quantities. */
export function buildShipmentLine(
  seed: LineSeed,
  index: number,
  ctx: OrderContext,
  input: ShipmentLineInput,
): Json {
  const article = seed.article as Article;
  const delivery = seed.values.issued.schedule[0] as Delivery;
  const decimals = article.goods.decimals;
  const despatched = roundTo(delivery.quantity * input.share(index), decimals);
  return {
    purchaseOrderNumber: ctx.purchaseOrderNumber,
    purchaseOrderLinePosition: seed.position,
    deliverySchedulePosition: delivery.position,
    item: {
      buyerItemNumber: article.buyerItemNumber,
      buyerItemRevision: article.revision,
      buyerItemName: article.goods.name,
      supplierItemNumber: article.supplierItemNumber,
      supplierItemRevision: article.revision,
      supplierItemName: article.goods.description,
      purchaseUnitOfMeasureIso: article.goods.unit,
    },
    supplierLine: {
      despatchAdviceNumber: input.despatchAdviceNumber,
      despatchAdviceLinePosition: String(index + 1),
      despatchQuantity: despatched,
      backorderQuantity: roundTo(delivery.quantity - despatched, decimals),
    },
    meta: { lastUpdatedAt: input.lastUpdatedAt(index) },
  };
}

/** Departure at the supplier, arrival at the buyer's warehouse in a morning window (§3.4.7). */
export function buildLocations(ctx: OrderContext, departure: Date): Json {
  const location = (type: string, actor: OrderContext['buyer'], name: string) => ({
    locationType: type,
    id: actor.gln,
    idScheme: 'GLN',
    names: [name],
    addressLines: [actor.company.street],
    postalCode: actor.company.postalCode,
    city: actor.company.city,
    countryCodeIso: actor.company.countryCodeIso2,
  });
  const arrival = toDate(addDays(departure, 2));
  return {
    departure: {
      location: location('AgreedPlace', ctx.supplier, `${ctx.supplier.company.name} Despatch`),
      etdDate: toDate(departure),
    },
    destinations: [
      {
        location: location('FinalDestination', ctx.buyer, `${ctx.buyer.company.name} Warehouse`),
        etaStartDate: arrival,
        etaStartTime: '08:00:00',
        etaEndDate: arrival,
        etaEndTime: '12:00:00',
      },
    ],
  };
}
