import { InputError } from '../../errors.js';
import { parseSetOverride, type BodyOverrides } from '../payload/body-overrides.js';
import { EVENT_CATALOG, closestEventNames } from '../payload/events.js';
import type { Expectation, ScenarioDefinition, ScenarioStep, ScenarioType } from './scenario-types.js';

/** The keys a scenario file and its steps may have (docs/scenarios.md, "Your own scenarios"). */
const FILE_KEYS = ['name', 'description', 'type', 'set', 'overlay', 'steps'];
const STEP_KEYS = ['event', 'lines', 'set', 'overlay', 'delay', 'expect'];
const TYPES: ScenarioType[] = ['order', 'single-delivery', 'shipment'];
const MAX_DELAY_MS = 600_000;
const LINE_COUNT = 3;
const HINT = 'See "Your own scenarios" in docs/scenarios.md for the file format';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a parsed scenario file and turns it into a definition; every problem names the file and the step. */
export function checkScenarioFile(raw: unknown, file: string): ScenarioDefinition {
  const fail = (where: string, message: string): never => {
    throw new InputError(`scenario ${file}${where}: ${message}`, HINT);
  };
  if (!isObject(raw)) return fail('', 'must be an object with a list of steps');
  const unknownKeys = (value: Obj, allowed: string[], where: string) => {
    const extra = Object.keys(value).filter((k) => !allowed.includes(k));
    if (extra.length > 0) fail(where, `unknown key "${extra[0]}" (allowed: ${allowed.join(', ')})`);
  };
  unknownKeys(raw, FILE_KEYS, '');
  for (const key of ['name', 'description'] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== 'string') fail('', `"${key}" must be text`);
  }
  if (raw.type !== undefined && !TYPES.includes(raw.type as ScenarioType)) {
    fail('', `"type" must be one of ${TYPES.join(', ')}, found ${JSON.stringify(raw.type)}`);
  }
  if (!Array.isArray(raw.steps) || raw.steps.length === 0) {
    return fail('', '"steps" must be a list of at least one step');
  }
  const firstEvent = isObject(raw.steps[0]) ? raw.steps[0].event : undefined;
  const type: ScenarioType =
    (raw.type as ScenarioType | undefined) ??
    (typeof firstEvent === 'string' && EVENT_CATALOG.shipment.includes(firstEvent) ? 'shipment' : 'order');
  const steps = raw.steps.map((step: unknown, i): ScenarioStep => {
    const where = ` step ${i + 1}`;
    if (!isObject(step)) return fail(where, 'must be an object with at least "event"');
    unknownKeys(step, STEP_KEYS, where);
    const event = step.event;
    if (typeof event !== 'string') return fail(where, '"event" is required: an event name');
    if (!EVENT_CATALOG[type].includes(event)) {
      const known = Object.entries(EVENT_CATALOG).find(([, names]) => names.includes(event))?.[0];
      fail(
        where,
        known
          ? `${event} is a ${known} event, but this scenario is of type ${type} (one webhook per scenario)`
          : `unknown event "${event}"; did you mean ${closestEventNames(event, EVENT_CATALOG[type]).join(', ')}?`,
      );
    }
    return {
      event,
      ...(step.lines !== undefined ? { lines: checkLines(step.lines, (m) => fail(where, m)) } : {}),
      ...optionalOverrides(step, (m) => fail(where, m), where),
      ...(step.delay !== undefined ? { delayMs: checkDelay(step.delay, (m) => fail(where, m)) } : {}),
      ...(step.expect !== undefined ? { expect: checkExpect(step.expect, (m) => fail(where, m)) } : {}),
    };
  });
  const overrides = optionalOverrides(raw, (m) => fail('', m)).overrides;
  return {
    name: typeof raw.name === 'string' ? raw.name : file,
    type,
    description: typeof raw.description === 'string' ? raw.description : `steps from ${file}`,
    steps,
    ...(overrides ? { overrides } : {}),
    source: file,
  };
}

function checkLines(value: unknown, fail: (m: string) => never): number[] {
  if (
    !Array.isArray(value) ||
    !value.every((n) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= LINE_COUNT) ||
    new Set(value).size !== value.length
  ) {
    return fail(
      `"lines" must be a list of different line numbers from 1 to ${LINE_COUNT}, found ${JSON.stringify(value)}`,
    );
  }
  return value as number[];
}

/** `delay`: milliseconds, or text such as `500ms`, `2s`. */
function checkDelay(value: unknown, fail: (m: string) => never): number {
  const match = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*(ms|s)\s*$/.exec(value) : undefined;
  const ms =
    typeof value === 'number' ? value : match ? Number(match[1]) * (match[2] === 's' ? 1000 : 1) : Number.NaN;
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_DELAY_MS) {
    return fail(
      `"delay" must be milliseconds (or "2s", "500ms") up to ${MAX_DELAY_MS}, found ${JSON.stringify(value)}`,
    );
  }
  return Math.round(ms);
}

function checkExpect(value: unknown, fail: (m: string) => never): Expectation {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599) return value;
  if (typeof value === 'string' && /^[2-5]xx$/i.test(value.trim())) {
    return value.trim().toLowerCase() as Expectation;
  }
  if (typeof value === 'string' && /^\d{3}$/.test(value.trim())) return checkExpect(Number(value), fail);
  return fail(
    `"expect" must be a status such as 202 or a class such as "2xx", found ${JSON.stringify(value)}`,
  );
}

/** `set` (an object of dot paths and values) and `overlay` (a partial body). */
function optionalOverrides(
  value: Obj,
  fail: (m: string) => never,
  where = '',
): { overrides?: BodyOverrides } {
  const { set, overlay } = value;
  if (set === undefined && overlay === undefined) return {};
  if (set !== undefined && !isObject(set)) fail('"set" must be an object of dot paths and values');
  if (overlay !== undefined && !isObject(overlay)) fail('"overlay" must be an object (a partial body)');
  const sets = Object.entries(set ?? {}).map(([path, v]) => {
    if (v !== null && typeof v === 'object')
      fail(`"set" ${path}: the value must be text, a number or a boolean`);
    return { ...parseSetOverride(`${path}=${String(v)}`), label: `"set" ${path} (scenario file${where})` };
  });
  return {
    overrides: {
      overlays: overlay
        ? [{ file: 'overlay', body: overlay, label: `"overlay" (scenario file${where})` }]
        : [],
      sets,
    },
  };
}
