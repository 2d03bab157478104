import type { ScenarioDefinition, ScenarioStep } from './scenario-types.js';

/**
 * The order's story, as Tradecloud reports it (docs/scenarios.md): every order event carries only
 * the lines it affects. Steps are placed in time so that goods are delivered after their delivery
 * dates (the first delivery of line 1 falls three weeks after the order, the last five weeks after).
 */
const ORDER_STORY: ScenarioStep[] = [
  { event: 'OrderIssuedByBuyer', lines: [1, 2, 3], atHours: 0 },
  { event: 'OrderChangesProposedBySupplier', lines: [2], atHours: 24 },
  { event: 'OrderChangesProposalApprovedByBuyer', lines: [2], atHours: 46 },
  { event: 'OrderLinesAcceptedBySupplier', lines: [1, 3], atHours: 48 },
  { event: 'OrderLinesDeliveryScheduleLogisticsUpdatedBySupplier', lines: [1], atHours: 14 * 24 },
  { event: 'OrderLinesDeliveryHistoryAppendedByBuyer', lines: [1], atHours: 23 * 24 },
  { event: 'OrderLinesCancelledByBuyer', lines: [3], atHours: 24 * 24 },
  { event: 'OrderLinesCompletedByBuyer', lines: [1], atHours: 37 * 24 },
];

/** A shipment event always carries every line; a changed line's lastUpdatedAt equals the shipment's. */
const SHIPMENT_STORY: ScenarioStep[] = [
  { event: 'ShipmentIssuedBySupplier', lines: [1, 2, 3], atHours: 0 },
  { event: 'ShipmentHeaderUpdatedBySupplier', lines: [], atHours: 4 },
  { event: 'ShipmentReissuedBySupplier', lines: [2], atHours: 20 },
  { event: 'ShipmentApprovedByBuyer', lines: [], atHours: 26 },
];

export const BUILTIN_SCENARIOS: readonly ScenarioDefinition[] = [
  {
    name: 'order-lifecycle',
    type: 'order',
    description:
      'an order with a delivery schedule from issue to completion: a proposal on line 2, acceptance, logistics, a part delivery, a cancelled line, completion',
    steps: ORDER_STORY,
    source: 'built-in',
  },
  {
    name: 'single-delivery',
    type: 'single-delivery',
    description: 'the same story for an order with one delivery per line (singleDeliveryOrderEvent)',
    steps: ORDER_STORY,
    source: 'built-in',
  },
  {
    name: 'shipment-updates',
    type: 'shipment',
    description:
      'a shipment issued with three lines, its header updated, reissued with one line changed, approved (JSON only)',
    steps: SHIPMENT_STORY,
    source: 'built-in',
  },
];

export function findBuiltinScenario(name: string): ScenarioDefinition | undefined {
  return BUILTIN_SCENARIOS.find((s) => s.name === name);
}
