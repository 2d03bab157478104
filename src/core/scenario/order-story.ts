import { aggregateStatus } from '../payload/build-order-event.js';
import { buildBuyerOrder, buildSupplierOrder } from '../payload/build-order-header.js';
import { buildOrderLine, supplierResponded } from '../payload/build-order-line.js';
import { buildMessageMeta } from '../payload/build-parties.js';
import { addMs } from '../payload/dates.js';
import { ORDER_EVENT_RULES } from '../payload/event-rules.js';
import { roundTo } from '../payload/identifiers.js';
import { ISSUED, type LineState } from '../payload/line-states.js';
import type { LineSeed } from '../payload/line-seeds.js';
import { buildOrderContext, type OrderContext } from '../payload/order-context.js';
import { createRandom, type Random } from '../payload/prng.js';
import type { ScenarioBody, ScenarioStep } from './scenario-types.js';

export interface StoryInput {
  steps: ScenarioStep[];
  mode: 'schedule' | 'single';
  /** The moment of each step, in order (never going back). */
  times: Date[];
  /** Draws the message ids of each step, and the seeds of the order's parts. */
  rng: Random;
}

/** The rule's state for line `index` (0-based), or its first state when the step names other lines. */
function stateFor(rule: (typeof ORDER_EVENT_RULES)[string], index: number): LineState {
  const lines = rule.lines as Partial<Record<number, LineState>>;
  return lines[index] ?? (Object.values(rule.lines)[0] as LineState);
}

/** A supplier's proposal on the line changes its quantities as well as its dates and prices. */
function proposeQuantity(seed: LineSeed): LineSeed {
  const decimals = seed.article?.goods.decimals ?? 0;
  const alternative = seed.values.alternative;
  return {
    ...seed,
    values: {
      ...seed.values,
      alternative: {
        ...alternative,
        schedule: alternative.schedule.map((d) => ({ ...d, quantity: roundTo(d.quantity * 0.8, decimals) })),
      },
    },
  };
}

/**
 * One order told through its events: the same order id, lines and parties in every body, each line
 * in the state the events so far left it in, the version going up and every timestamp moving forward.
 * Each event carries only the lines it affects (docs/webhook-payloads.md §1.6).
 */
export function tellOrderStory({ steps, mode, times, rng }: StoryInput): ScenarioBody[] {
  const first = times[0] as Date;
  const ctx = buildOrderContext(createRandom(rng.int(0, 2 ** 31)), first, 'Open');
  ctx.issuedAt = addMs(ctx.eventAt, -rng.int(2, 60) * 1000);
  ctx.lines = ctx.lines.map((seed) => (seed.lineType === 'Item' ? proposeQuantity(seed) : seed));
  // Each part of the order draws from its own seed, so it reads the same in every event.
  const headerSeed = rng.int(0, 2 ** 31);
  const lineSeeds = ctx.lines.map(() => rng.int(0, 2 ** 31));
  const states: LineState[] = ctx.lines.map(() => ISSUED);
  let erpChangedAt = ctx.issuedAt;
  return steps.map((step, i) => {
    const rule = ORDER_EVENT_RULES[step.event];
    if (!rule) throw new Error(`no sample rule for order event ${step.event}`);
    const affected = step.lines?.map((n) => n - 1) ?? Object.keys(rule.lines).map(Number);
    for (const index of affected) states[index] = stateFor(rule, index);
    const now = times[i] as Date;
    const eventAt = addMs(now, -rng.int(80, 900));
    const at = (seed: number): OrderContext => ({ ...ctx, now, eventAt, rng: createRandom(seed) });
    if (rule.by === 'buyer' && i > 0) erpChangedAt = addMs(eventAt, -rng.int(2, 60) * 1000);
    const header = {
      supplierResponded: states.some(supplierResponded),
      supplierAccepted: states.every((s) => s.supplierFlag === 'accepted'),
      autoConfirm: rule.autoConfirm === true,
      lastChangedAt: erpChangedAt,
    };
    const lines = affected.map((index) =>
      buildOrderLine(at(lineSeeds[index] as number), ctx.lines[index] as LineSeed, states[index]!, mode),
    );
    const orderEvent = {
      orderId: ctx.orderId,
      buyerOrder: buildBuyerOrder(at(headerSeed), header),
      supplierOrder: buildSupplierOrder(at(headerSeed + 1), header),
      lines,
      indicators: { deliveryOverdue: false },
      status: aggregateStatus(states),
      version: i + 1,
      meta: buildMessageMeta({ ...ctx, now, rng }, rule.by),
      lastUpdatedAt: eventAt.toISOString(),
    };
    const field = mode === 'schedule' ? 'orderEvent' : 'singleDeliveryOrderEvent';
    return {
      step: i + 1,
      event: step.event,
      lines: affected.map((index) => index + 1),
      body: { eventName: step.event, [field]: orderEvent },
    };
  });
}
