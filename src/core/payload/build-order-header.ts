import { buildContact, buildDocument, buildParty } from './build-parties.js';
import type { Json } from './build-values.js';
import { toLocalDateTime } from './dates.js';
import type { OrderContext } from './order-context.js';

export interface HeaderOptions {
  /** Whether the supplier has answered the order yet (its description, notes, documents). */
  supplierResponded: boolean;
  /** The supplier accepted every line the event carries. */
  supplierAccepted: boolean;
  autoConfirm: boolean;
  /** When the buyer's ERP last changed the order. */
  lastChangedAt: Date;
}

/** The buyer's side of the order header (§3.1.3), as the buyer's ERP sent it. */
export function buildBuyerOrder(ctx: OrderContext, options: HeaderOptions): Json {
  const { buyer, supplier } = ctx;
  const c = buyer.company;
  return {
    companyId: buyer.companyId,
    buyerParty: buildParty(buyer),
    buyerAccountingParty: { ...buildParty(buyer), names: [`${c.name} – Accounts Payable`] },
    supplierParty: buildParty(supplier),
    supplierAccountNumber: ctx.supplierAccountNumber,
    purchaseOrderNumber: ctx.purchaseOrderNumber,
    description: `Replenishment order ${ctx.purchaseOrderNumber}`,
    destination: {
      code: '001',
      names: [`${c.name} Warehouse`, 'Dock 3'],
      addressLines: [c.street],
      postalCode: c.postalCode,
      city: c.city,
      countryCodeIso2: c.countryCodeIso2,
      countryName: c.countryName,
      locationType: 'warehouse',
    },
    terms: { incotermsCode: 'DAP', incoterms: c.city, paymentTermsCode: '30D', paymentTerms: '30 days net' },
    indicators: { cancelLineWhenMissing: false, autoConfirm: options.autoConfirm },
    properties: [{ key: 'Cost center', value: `CC-${ctx.rng.digits(4)}` }],
    notes: ['Deliveries Monday to Friday between 07:00 and 15:00.'],
    labels: ['QualityInspection'],
    documents: [
      buildDocument(ctx, {
        code: `GPC-${c.countryCodeIso2}-2026`,
        name: 'General purchase conditions.pdf',
        description: 'General purchase conditions 2026',
        type: 'General',
        storage: 'object',
      }),
    ],
    contact: buildContact(buyer),
    supplierContact: buildContact(supplier),
    orderType: 'Purchase',
    erpIssueDateTime: toLocalDateTime(ctx.issuedAt),
    erpIssuedBy: { email: buyer.email },
    erpLastChangeDateTime: toLocalDateTime(options.lastChangedAt),
    erpLastChangedBy: { email: buyer.email },
  };
}

/** The supplier's side (§3.1.4): its account number for the buyer, and its answer once given. */
export function buildSupplierOrder(ctx: OrderContext, options: HeaderOptions): Json {
  const { supplier } = ctx;
  const base: Json = {
    companyId: supplier.companyId,
    buyerAccountNumber: ctx.buyerAccountNumber,
    contact: buildContact(supplier),
  };
  if (!options.supplierResponded) return base;
  return {
    ...base,
    description: `Sales order ${ctx.salesOrderNumber}`,
    indicators: { accepted: options.supplierAccepted, rejected: false },
    properties: [{ key: 'Sales office', value: supplier.company.city }],
    notes: ['Prices based on the 2026 framework agreement.'],
    documents: [
      buildDocument(ctx, {
        code: `OC-${ctx.salesOrderNumber}`,
        name: `Order confirmation ${ctx.salesOrderNumber}.pdf`,
        description: 'Order confirmation',
        type: 'General',
        storage: 'object',
      }),
    ],
  };
}
