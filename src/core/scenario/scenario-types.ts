import type { BodyOverrides } from '../payload/body-overrides.js';

/** The webhook bodies a scenario can tell a story with (order documents have no line story). */
export type ScenarioType = 'order' | 'single-delivery' | 'shipment';

/** What a step expects back: an exact status (`202`) or a class (`2xx`, `4xx`, `5xx`). */
export type Expectation = number | '2xx' | '3xx' | '4xx' | '5xx';

/** One event of a scenario (docs/scenarios.md). */
export interface ScenarioStep {
  event: string;
  /**
   * The lines (1-based) the event affects: for order events the lines it carries, for shipment
   * events the lines it changes. Absent: as the generator's rule for the event says.
   */
  lines?: number[];
  /** Per-step `set` and `overlay`, applied after the scenario's own. */
  overrides?: BodyOverrides;
  /** Wait this long before sending the step. */
  delayMs?: number;
  /** Default `2xx`. */
  expect?: Expectation;
  /** Hours after the scenario's first step at which the event happens (built-ins place their steps). */
  atHours?: number;
}

export interface ScenarioDefinition {
  name: string;
  type: ScenarioType;
  description: string;
  steps: ScenarioStep[];
  /** `set` and `overlay` applied to every step. */
  overrides?: BodyOverrides;
  /** Where it came from: `built-in`, or the file as the user named it. */
  source: string;
}

/** A step's body, ready to render. */
export interface ScenarioBody {
  step: number;
  event: string;
  /** The lines (1-based) the event carries (orders) or changed (shipments). */
  lines: number[];
  body: Record<string, unknown>;
}

/** Whether `status` is what the step expected. */
export function meetsExpectation(status: number | null, expect: Expectation = '2xx'): boolean {
  if (status === null) return false;
  if (typeof expect === 'number') return status === expect;
  return Math.floor(status / 100) === Number(expect[0]);
}
