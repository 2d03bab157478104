import { addDays, toDate } from './dates.js';
import { roundTo, toPosition } from './identifiers.js';
import type { Delivery, PriceSet } from './line-seeds.js';
import type { LogisticsStatus } from './line-states.js';

export type Json = Record<string, unknown>;

export interface Currency {
  currency: string;
  baseRate: number;
}

/** Prices (§4.9): gross, discount and net, each in the transaction and the base currency. */
export function buildPrices(p: PriceSet, c: Currency): Json {
  const price = (value: number) => ({
    priceInTransactionCurrency: { value, currencyIso: c.currency },
    priceInBaseCurrency: { value: roundTo(value * c.baseRate, 2), currencyIso: 'EUR' },
  });
  return {
    grossPrice: price(p.gross),
    discountPercentage: p.discountPercentage,
    netPrice: price(p.net),
    priceUnitOfMeasureIso: p.unit,
    priceUnitQuantity: p.per,
  };
}

/** Schedules inside buyerLine, confirmedLine and requests: dates and quantities only (§3.1.10). */
export function buildPlainSchedule(schedule: readonly Delivery[], transportMode?: string): Json[] {
  return schedule.map((d) => ({
    position: d.position,
    date: d.date,
    quantity: d.quantity,
    ...(transportMode ? { transportMode } : {}),
  }));
}

/** Delivery statuses have no `Cancelled` (§4.13): a cancelled line's deliveries carry none. */
function logisticsOf(status: LogisticsStatus | undefined, date: string): Json {
  if (status === undefined || status === 'Cancelled') return {};
  if (status === 'Open') return { status };
  const day = new Date(date);
  return { status, etd: toDate(addDays(day, -3)), eta: toDate(addDays(day, -1)) };
}

/** The line-level schedules add each delivery's logistics status and, once goods move, etd/eta. */
export function buildLineSchedule(schedule: readonly Delivery[], logistics: LogisticsStatus): Json[] {
  return schedule.map((d) => ({
    position: d.position,
    date: d.date,
    quantity: d.quantity,
    ...logisticsOf(d.status ?? logistics, d.date),
  }));
}

/** Single-delivery mode (§3.2) has one delivery per line: everything, by the last date. */
export function buildScheduledDelivery(schedule: readonly Delivery[], logistics?: LogisticsStatus): Json {
  const last = schedule.at(-1) as Delivery;
  const quantity = roundTo(
    schedule.reduce((sum, d) => sum + d.quantity, 0),
    3,
  );
  return { date: last.date, quantity, ...logisticsOf(logistics, last.date) };
}

/** What the buyer received (buyerLine.deliveryHistory): part of the first delivery, or all of it. */
export function buildDeliveryHistory(
  schedule: readonly Delivery[],
  kind: 'partial' | 'full',
  eventAt: Date,
): Delivery[] {
  const latest = toDate(addDays(eventAt, -1));
  const received = (d: Delivery) => (d.date < latest ? d.date : latest);
  if (kind === 'partial') {
    const first = schedule[0] as Delivery;
    return [{ position: toPosition(1), date: received(first), quantity: roundTo(first.quantity * 0.6, 2) }];
  }
  return schedule.map((d, i) => ({ position: toPosition(i + 1), date: received(d), quantity: d.quantity }));
}
