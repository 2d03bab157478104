import { buildDocument, buildMessageMeta } from './build-parties.js';
import type { Json } from './build-values.js';
import { buildOrderContext } from './order-context.js';
import type { Random } from './prng.js';

/**
 * The `orderDocumentsEvent` object. Tradecloud does not document its shape (docs/webhook-payloads.md §3.3); this
 * follows the probable shape there: the order header and lines, each with only the documents just
 * attached, as metadata with an objectId into Tradecloud object storage, never the file itself.
 */
export function buildDocumentsEvent(rng: Random, now: Date, event: string): Json {
  const ctx = buildOrderContext(rng, now);
  const by = event === 'OrderDocumentsAttachedBySupplier' ? 'supplier' : 'buyer';
  const line = ctx.lines[0] as (typeof ctx.lines)[number];
  const itemNumber = line.article?.buyerItemNumber ?? line.position;
  const orderDocument =
    by === 'buyer'
      ? {
          code: `QA-${ctx.purchaseOrderNumber}`,
          name: 'Quality agreement.pdf',
          description: 'Quality agreement',
        }
      : { code: `PL-${ctx.salesOrderNumber}`, name: 'Production plan.pdf', description: 'Production plan' };
  const lineDocument =
    by === 'buyer'
      ? { code: `DRW-${itemNumber}`, name: `Drawing ${itemNumber}.pdf`, description: 'Technical drawing' }
      : {
          code: `CERT-${ctx.salesOrderNumber}-${line.position}`,
          name: 'Material certificate.pdf',
          description: 'EN 10204 3.1',
        };
  const documents = (d: typeof orderDocument, type: string) => [
    buildDocument(ctx, { ...d, type, storage: 'object' }),
  ];
  const buyerOrder: Json = {
    companyId: ctx.buyer.companyId,
    purchaseOrderNumber: ctx.purchaseOrderNumber,
    supplierAccountNumber: ctx.supplierAccountNumber,
    ...(by === 'buyer' ? { documents: documents(orderDocument, 'General') } : {}),
  };
  const supplierOrder: Json = {
    companyId: ctx.supplier.companyId,
    buyerAccountNumber: ctx.buyerAccountNumber,
    ...(by === 'supplier' ? { documents: documents(orderDocument, 'General') } : {}),
  };
  const lineDocuments = documents(lineDocument, by === 'buyer' ? 'Drawing' : 'Certificate');
  return {
    orderId: ctx.orderId,
    buyerOrder,
    supplierOrder,
    lines: [
      {
        id: line.id,
        buyerLine: { position: line.position, ...(by === 'buyer' ? { documents: lineDocuments } : {}) },
        ...(by === 'supplier' ? { supplierLine: { documents: lineDocuments } } : {}),
      },
    ],
    meta: buildMessageMeta(ctx, by),
    lastUpdatedAt: ctx.eventAt.toISOString(),
  };
}
