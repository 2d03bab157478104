import { buildDocument, buildMessageMeta, buildParty, buildShipmentContact } from './build-parties.js';
import { buildLocations, buildShipmentLine } from './build-shipment-lines.js';
import type { Json } from './build-values.js';
import { addDays, addMs, toLocalDateTime } from './dates.js';
import { generateContainerNumber, generateImoNumber } from './identifiers.js';
import { buildOrderContext, type OrderContext } from './order-context.js';
import type { Random } from './prng.js';
import type { ShipmentEventRule } from './shipment-rules.js';

/** A shipment document (§4.4) is order-document metadata plus its own lastUpdatedAt. */
function shipmentDocument(ctx: OrderContext, code: string, name: string, type: string, at: string): Json {
  return {
    ...buildDocument(ctx, { code, name, description: `${type} ${code}`, type, storage: 'object' }),
    meta: { lastUpdatedAt: at },
  };
}

/** The shipment webhook body (§3.0, §3.4): always the complete shipment, with the message meta. */
export function buildShipmentBody(rng: Random, now: Date, event: string, rule: ShipmentEventRule): Json {
  const ctx = buildOrderContext(rng, now, 'ReadyToShip');
  const changedAt = ctx.eventAt.toISOString();
  // Later events find the shipment issued a day or more before them.
  const issuedAt =
    rule.changed === 'everything' ? ctx.eventAt : addMs(ctx.eventAt, -rng.int(20, 72) * 3600 * 1000);
  const at = (changed: boolean) =>
    changed || rule.changed === 'everything' ? changedAt : issuedAt.toISOString();
  const supplierChangedAt = ['everything', 'first-line', 'header'].includes(rule.changed)
    ? ctx.eventAt
    : issuedAt;
  const despatchAdviceNumber = `DA${rng.digits(7)}`;
  const lineInput = {
    despatchAdviceNumber,
    lastUpdatedAt: (i: number) => at(rule.changed === 'first-line' && i === 0),
    share: (i: number) => (rule.changed === 'first-line' && i === 0 ? 0.9 : 1),
  };
  const [first, second] = ctx.lines.slice(0, 2).map((seed, i) => buildShipmentLine(seed, i, ctx, lineInput));
  const supplierDocuments = [
    shipmentDocument(ctx, `PL-${despatchAdviceNumber}`, 'Packing list.pdf', 'Packing List', at(false)),
  ];
  if (rule.changed === 'supplier-document') {
    supplierDocuments.push(
      shipmentDocument(ctx, `INV-${rng.digits(6)}`, 'Commercial invoice.pdf', 'Invoice', changedAt),
    );
  }
  const buyerDocuments =
    rule.changed === 'buyer-document'
      ? {
          documents: [
            shipmentDocument(ctx, `GRN-${rng.digits(6)}`, 'Delivery instructions.pdf', 'General', changedAt),
          ],
        }
      : {};
  const shipment: Json = {
    id: rng.uuid(),
    identifiers: {
      billOfLadingNumber: `BOL${rng.digits(9)}`,
      imoNumber: generateImoNumber(rng),
      carrierShipmentNumber: rng.digits(10),
      trackingNumber: `TRK${rng.digits(10)}`,
    },
    transportMode: 'Sea transport',
    supplierShipment: {
      companyId: ctx.supplier.companyId,
      supplierParty: buildParty(ctx.supplier),
      buyerAccountNumber: ctx.buyerAccountNumber,
      shipmentNumber: `SN${rng.digits(7)}`,
      invoiceNumbers: [`INV-2026-${rng.digits(5)}`],
      documents: supplierDocuments,
      contacts: [buildShipmentContact(ctx.supplier, 'Logistics planner')],
    },
    buyerShipment: {
      companyId: ctx.buyer.companyId,
      buyerParty: buildParty(ctx.buyer),
      supplierAccountNumber: ctx.supplierAccountNumber,
      ...buyerDocuments,
      contacts: [buildShipmentContact(ctx.buyer, 'Purchaser')],
      purchaseOrderTerms: {
        incotermsCode: 'DAP',
        incoterms: ctx.buyer.company.city,
        paymentTermsCode: '30D',
        paymentTerms: '30 days net',
      },
    },
    loadCarriers: [
      { containerNumber: generateContainerNumber(rng), containerSizeAndType: '22G1', lines: [first] },
    ],
    lines: [second],
    locations: buildLocations(ctx, addDays(issuedAt, 2)),
    status: {
      processStatus: rule.processStatus,
      ...(rule.processStatusReason ? { processStatusReason: rule.processStatusReason } : {}),
    },
    meta: {
      lastUpdatedAt: changedAt,
      supplierErpMeta: {
        despatchAdviceErpIssueDateTime: toLocalDateTime(addMs(supplierChangedAt, -rng.int(5, 90) * 1000)),
      },
    },
  };
  return { eventName: event, shipment, meta: buildMessageMeta(ctx, rule.by) };
}
