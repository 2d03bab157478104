import { addDays, addMs } from './dates.js';
import { generateGln } from './identifiers.js';
import { buildLineSeeds, type LineSeed } from './line-seeds.js';
import type { LogisticsStatus } from './line-states.js';
import type { Random } from './prng.js';
import { BUYERS, FIRST_NAMES, LAST_NAMES, SUPPLIERS, type Company } from './sample-data.js';

/** A company on the platform and the employee acting for it. */
export interface Actor {
  companyId: string;
  userId: string;
  gln: string;
  company: Company;
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber: string;
}

/** Everything the builders share, so the header, lines, documents and shipment tell one story. */
export interface OrderContext {
  rng: Random;
  /** When the message is created (meta.createdDateTime). */
  now: Date;
  /** When the change happened (lastUpdatedAt): a moment before the message. */
  eventAt: Date;
  /** When the buyer's ERP issued the order. */
  issuedAt: Date;
  buyer: Actor;
  supplier: Actor;
  orderId: string;
  purchaseOrderNumber: string;
  supplierAccountNumber: string;
  buyerAccountNumber: string;
  salesOrderNumber: string;
  currency: string;
  /** Factor from the transaction currency to the buyer's base currency (EUR). */
  baseRate: number;
  lines: LineSeed[];
}

function buildActor(rng: Random, company: Company): Actor {
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  const local = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
  return {
    companyId: rng.uuid(),
    userId: rng.uuid(),
    gln: generateGln(rng),
    company,
    firstName,
    lastName,
    email: `${local}@${company.domain}`,
    phoneNumber: `+${rng.int(30, 49)} ${rng.digits(2)} ${rng.digits(3)} ${rng.digits(4)}`,
  };
}

/**
 * Days from the event to the last delivery of the first line: deliveries lie ahead while goods
 * are open and behind once they are delivered, so dates agree with the logistics status.
 */
const LAST_DELIVERY_IN_DAYS: Record<LogisticsStatus, number> = {
  Open: 35,
  Cancelled: 35,
  Produced: 24,
  ReadyToShip: 19,
  Shipped: 16,
  Delivered: -2,
};

export function buildOrderContext(rng: Random, now: Date, logistics: LogisticsStatus = 'Open'): OrderContext {
  const buyer = buildActor(rng, rng.pick(BUYERS));
  const supplier = buildActor(rng, rng.pick(SUPPLIERS));
  const purchaseOrderNumber = `PO${rng.digits(8)}`;
  const orderId = `${buyer.companyId}-${purchaseOrderNumber}`;
  const currency = supplier.company.countryCodeIso2 === 'GB' ? 'GBP' : 'EUR';
  const eventAt = addMs(now, -rng.int(80, 900));
  const lastDelivery = addDays(eventAt, LAST_DELIVERY_IN_DAYS[logistics]);
  return {
    rng,
    now,
    eventAt,
    issuedAt: addMs(addDays(lastDelivery, -49), -rng.int(0, 8 * 3600) * 1000),
    buyer,
    supplier,
    orderId,
    purchaseOrderNumber,
    supplierAccountNumber: rng.digits(6),
    buyerAccountNumber: rng.digits(6),
    salesOrderNumber: `SO${rng.digits(7)}`,
    currency,
    baseRate: currency === 'GBP' ? 1.17 : 1,
    lines: buildLineSeeds(rng, { orderId, lastDelivery, supplierCountry: supplier.company.countryCodeIso2 }),
  };
}
