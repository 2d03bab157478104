import type { Json } from './build-values.js';
import type { LineSeed } from './line-seeds.js';
import type { OrderContext } from './order-context.js';

/** The ordered item (§4.7); the freight charge line has only a name. */
export function buildItem(seed: LineSeed): Json {
  const a = seed.article;
  if (!a)
    return {
      name: 'Freight costs',
      description: 'Transport to the destination',
      purchaseUnitOfMeasureIso: 'PCE',
    };
  return {
    number: a.buyerItemNumber,
    revision: a.revision,
    name: a.goods.name,
    description: a.goods.description,
    purchaseUnitOfMeasureIso: a.goods.unit,
    supplierItemNumber: a.supplierItemNumber,
    dimensions: [
      { attribute: 'mass', measure: a.goods.netWeight, unitOfMeasureUnece: a.goods.netWeightUnit },
    ],
  };
}

/** The buyer's item details (§4.7). */
export function buildBuyerItemDetails(ctx: OrderContext, seed: LineSeed): Json | undefined {
  const g = seed.article?.goods;
  if (!g) return undefined;
  return {
    countryOfOriginCodeIso2: ctx.supplier.company.countryCodeIso2,
    combinedNomenclatureCode: g.combinedNomenclatureCode,
    netWeight: g.netWeight,
    netWeightUnitOfMeasureIso: g.netWeightUnit,
  };
}

/**
 * The supplier's corrections: made at another plant, with a batch number. Derived from the line
 * alone (no random draw) so supplierLine.itemDetails and mergedItemDetails always agree.
 */
export function buildSupplierItemDetails(seed: LineSeed): Json | undefined {
  const a = seed.article;
  if (!a) return undefined;
  return { countryOfOriginCodeIso2: 'PL', batchNumber: `B${a.buyerItemNumber}-${seed.position}` };
}

/** Buyer details with the supplier's corrections applied (lines[].mergedItemDetails). */
export function buildMergedItemDetails(
  ctx: OrderContext,
  seed: LineSeed,
  corrected: boolean,
): Json | undefined {
  const buyer = buildBuyerItemDetails(ctx, seed);
  if (!buyer) return undefined;
  return corrected ? { ...buyer, ...buildSupplierItemDetails(seed) } : buyer;
}
