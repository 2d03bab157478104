import { buildShipmentBody } from '../payload/build-shipment.js';
import { addDays, addMs, toDate, toLocalDateTime } from '../payload/dates.js';
import { roundTo } from '../payload/identifiers.js';
import { createRandom } from '../payload/prng.js';
import { SHIPMENT_EVENT_RULES, type ShipmentEventRule } from '../payload/shipment-rules.js';
import type { StoryInput } from './order-story.js';
import type { ScenarioBody } from './scenario-types.js';

type Obj = Record<string, unknown>;

/** The events that set the shipment's process status; the others leave it as it was. */
const DECIDES_STATUS = new Set([
  'ShipmentIssuedBySupplier',
  'ShipmentReissuedBySupplier',
  'ShipmentApprovedByBuyer',
  'ShipmentRejectedByBuyer',
]);

/** The lines a rule changes when the step does not say (1-based). */
function changedByRule(rule: ShipmentEventRule): number[] {
  if (rule.changed === 'everything') return [1, 2, 3];
  return rule.changed === 'first-line' ? [1] : [];
}

/** Every despatched line, in a fixed order: the load carrier's line, then the loose lines. */
function linesOf(shipment: Obj): Obj[] {
  const carriers = shipment.loadCarriers as { lines: Obj[] }[];
  return [...carriers.flatMap((c) => c.lines), ...(shipment.lines as Obj[])];
}

/** Three lines: the generator's two, plus the second delivery of the first order line. */
function addThirdLine(shipment: Obj): void {
  const first = linesOf(shipment)[0]!;
  const third = structuredClone(first) as Obj & { supplierLine: Obj };
  third.deliverySchedulePosition = '0002';
  third.supplierLine.despatchAdviceLinePosition = '3';
  (shipment.lines as Obj[]).push(third);
}

/** A reissue changes a line's despatched quantity: less now, the rest on back order. */
function reduceDespatch(line: Obj): void {
  const supplierLine = line.supplierLine as { despatchQuantity: number; backorderQuantity: number };
  const total = supplierLine.despatchQuantity + supplierLine.backorderQuantity;
  const decimals = Number.isInteger(total) ? 0 : 2;
  supplierLine.despatchQuantity = roundTo(supplierLine.despatchQuantity * 0.9, decimals);
  supplierLine.backorderQuantity = roundTo(total - supplierLine.despatchQuantity, decimals);
}

/**
 * One shipment told through its events: the same shipment, order and parties in every body. Every
 * event carries the whole shipment with all its lines; a line that changed in the step carries
 * `meta.lastUpdatedAt` equal to the shipment's, the others keep the moment they last changed
 * (docs/webhook-payloads.md §1.7).
 */
export function tellShipmentStory({ steps, times, rng }: StoryInput): ScenarioBody[] {
  const issue = SHIPMENT_EVENT_RULES.ShipmentIssuedBySupplier!;
  const base = buildShipmentBody(
    createRandom(rng.int(0, 2 ** 31)),
    times[0]!,
    'ShipmentIssuedBySupplier',
    issue,
  );
  const shipment = base.shipment as Obj;
  addThirdLine(shipment);
  const supplierShipment = shipment.supplierShipment as Obj & { contacts: Obj[]; documents: Obj[] };
  const buyerShipment = shipment.buyerShipment as Obj & { contacts: Obj[]; documents?: Obj[] };
  const actors = {
    supplier: { userId: supplierShipment.contacts[0]!.userId, companyId: supplierShipment.companyId },
    buyer: { userId: buyerShipment.contacts[0]!.userId, companyId: buyerShipment.companyId },
  };
  return steps.map((step, i) => {
    const rule = SHIPMENT_EVENT_RULES[step.event];
    if (!rule) throw new Error(`no sample rule for shipment event ${step.event}`);
    const now = times[i]!;
    const changedAt = addMs(now, -rng.int(80, 900));
    const stamp = changedAt.toISOString();
    const changed = step.lines ?? changedByRule(rule);
    const lines = linesOf(shipment);
    for (const n of changed) {
      const line = lines[n - 1]!;
      if (i > 0) reduceDespatch(line);
      line.meta = { lastUpdatedAt: stamp };
    }
    if (rule.changed === 'header') {
      // New arrival window and tracking number from the carrier.
      const destination = (shipment.locations as { destinations: Obj[] }).destinations[0]!;
      const eta = toDate(addDays(new Date(destination.etaStartDate as string), 1));
      Object.assign(destination, { etaStartDate: eta, etaEndDate: eta });
      (shipment.identifiers as Obj).trackingNumber = `TRK${rng.digits(10)}`;
    }
    if (rule.changed === 'supplier-document' || rule.changed === 'buyer-document') {
      const by = rule.changed === 'buyer-document' ? buyerShipment : supplierShipment;
      const code = `${rule.changed === 'buyer-document' ? 'GRN' : 'INV'}-${rng.digits(6)}`;
      const document = {
        ...structuredClone(supplierShipment.documents[0]!),
        code,
        name: `${code}.pdf`,
        description: `Document ${code}`,
        objectId: rng.uuid(),
        meta: { lastUpdatedAt: stamp },
      };
      by.documents = [...(by.documents ?? []), document];
    }
    if (DECIDES_STATUS.has(step.event)) {
      shipment.status = {
        processStatus: rule.processStatus,
        ...(rule.processStatusReason ? { processStatusReason: rule.processStatusReason } : {}),
      };
    }
    const meta = shipment.meta as { lastUpdatedAt: string; supplierErpMeta: Obj };
    meta.lastUpdatedAt = stamp;
    if (rule.by === 'supplier' && rule.changed !== 'nothing') {
      meta.supplierErpMeta.despatchAdviceErpIssueDateTime = toLocalDateTime(
        addMs(changedAt, -rng.int(5, 90) * 1000),
      );
    }
    const actor = actors[rule.by];
    return {
      step: i + 1,
      event: step.event,
      lines: [...changed],
      body: {
        eventName: step.event,
        shipment: structuredClone(shipment),
        meta: {
          messageId: rng.uuid(),
          source: { traceId: rng.uuid(), ...actor },
          createdDateTime: now.toISOString(),
        },
      },
    };
  });
}
