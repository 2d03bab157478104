import { addDays, toDate } from './dates.js';
import { roundTo, toPosition } from './identifiers.js';
import type { ValueSet } from './line-states.js';
import type { Random } from './prng.js';
import { GOODS, type Goods } from './sample-data.js';

export interface Delivery {
  position: string;
  date: string;
  quantity: number;
  /** Set only where one delivery differs from the line's logistics status (a split). */
  status?: 'Open' | 'Shipped';
}

export interface PriceSet {
  gross: number;
  discountPercentage: number;
  net: number;
  unit: string;
  per: number;
}

export interface Article {
  goods: Goods;
  buyerItemNumber: string;
  supplierItemNumber: string;
  revision: string;
}

export interface LineValues {
  schedule: Delivery[];
  prices: PriceSet;
}

/** One line of the sample order, before any event: what was ordered and its alternative values. */
export interface LineSeed {
  position: string;
  id: string;
  lineType: 'Item' | 'Charge';
  /** What is ordered; absent on the freight charge line. */
  article?: Article;
  values: Record<ValueSet, LineValues>;
}

interface SeedInput {
  orderId: string;
  lastDelivery: Date;
  supplierCountry: string;
}

function pricesFor(rng: Random, range: readonly [number, number], unit: string, per: number): PriceSet {
  const gross = roundTo(range[0] + rng.next() * (range[1] - range[0]), 2);
  const discountPercentage = rng.pick([0, 5, 10, 12.5]);
  return { gross, discountPercentage, net: roundTo(gross * (1 - discountPercentage / 100), 2), unit, per };
}

/** A supplier's counter-offer: every delivery later, the price a few percent higher. */
function alternativeOf(rng: Random, values: LineValues): LineValues {
  const shift = rng.int(7, 14);
  const factor = 1 + rng.int(3, 8) / 100;
  const gross = roundTo(values.prices.gross * factor, 2);
  const discount = values.prices.discountPercentage;
  return {
    schedule: values.schedule.map((d) => ({ ...d, date: toDate(addDays(new Date(d.date), shift)) })),
    prices: { ...values.prices, gross, net: roundTo(gross * (1 - discount / 100), 2) },
  };
}

/** A short shipment: the first delivery is split into what shipped and a later remainder. */
function splitOf(values: LineValues, decimals: number): LineValues {
  const [first, ...rest] = values.schedule as [Delivery, ...Delivery[]];
  const shipped = roundTo(first.quantity * 0.7, decimals);
  const remainder: Delivery = {
    position: toPosition(values.schedule.length + 1),
    date: toDate(addDays(new Date(first.date), 14)),
    quantity: roundTo(first.quantity - shipped, decimals),
    status: 'Open',
  };
  return { ...values, schedule: [{ ...first, quantity: shipped, status: 'Shipped' }, ...rest, remainder] };
}

function scheduleOf(rng: Random, goods: Goods, dates: Date[]): Delivery[] {
  const [min, max] = goods.quantity;
  const step = goods.decimals === 0 ? 10 : 1;
  return dates.map((date, i) => ({
    position: toPosition(i + 1),
    date: toDate(date),
    quantity: roundTo(
      (Math.round((min + rng.next() * (max - min)) / step) * step) / dates.length,
      goods.decimals,
    ),
  }));
}

export function buildLineSeeds(rng: Random, input: SeedInput): LineSeed[] {
  const first = rng.int(0, GOODS.length - 1);
  const second = (first + rng.int(1, GOODS.length - 1)) % GOODS.length;
  const dates = [[-14, 0], [-7]].map((offsets) => offsets.map((d) => addDays(input.lastDelivery, d)));
  const seeds: LineSeed[] = [first, second].map((goodsIndex, i) => {
    const goods = GOODS[goodsIndex] as Goods;
    const issued = {
      schedule: scheduleOf(rng, goods, dates[i] ?? []),
      prices: pricesFor(rng, goods.price, goods.unit, goods.per),
    };
    const position = toPosition(i + 1);
    return {
      position,
      id: `${input.orderId}-${position}`,
      lineType: 'Item',
      article: {
        goods,
        buyerItemNumber: String(rng.int(100000, 999999)),
        supplierItemNumber: `${input.supplierCountry}-${rng.digits(5)}`,
        revision: rng.pick(['A', 'B', 'C']),
      },
      values: { issued, alternative: alternativeOf(rng, issued), split: splitOf(issued, goods.decimals) },
    };
  });
  const freight: LineValues = {
    schedule: [{ position: toPosition(1), date: toDate(addDays(input.lastDelivery, -14)), quantity: 1 }],
    prices: { ...pricesFor(rng, [150, 450], 'PCE', 1), discountPercentage: 0 },
  };
  freight.prices.net = freight.prices.gross;
  const position = toPosition(3);
  seeds.push({
    position,
    id: `${input.orderId}-${position}`,
    lineType: 'Charge',
    values: { issued: freight, alternative: freight, split: freight },
  });
  return seeds;
}
