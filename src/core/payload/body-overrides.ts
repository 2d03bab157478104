import { UsageError } from '../../errors.js';
import { BODY_FIELDS } from '../model/body-fields.js';
import { describeSchema, type JsonSchema } from '../txml/describe-schema.js';
import { unknownOverlayFields, unknownSetField } from './unknown-override-fields.js';

/**
 * The user's own data in generated bodies (docs/cli-contract.md, "Your data in the samples"), as
 * Stripe's `trigger --override` does: overlays deep-merged first, then each `--set` in order.
 */
export interface SetOverride {
  /** As the user wrote it, for messages. */
  text: string;
  path: string[];
  value: string;
  /** How messages name it, when not `--set <text>` (a scenario file's `set`). */
  label?: string;
}

export interface BodyOverrides {
  /** `label`: how messages name the overlay, when not `--overlay <file>`. */
  overlays: { file: string; body: Record<string, unknown>; label?: string }[];
  sets: SetOverride[];
}

/**
 * Which overrides reached a body over a whole run, and why the others did not: an override that
 * changes no body of the run is refused once every body is built (see override-effect.ts).
 */
export interface OverrideTally {
  /** The overlays and sets (by identity) that changed at least one body. */
  applied: Set<object>;
  /** Override -> the last reason it missed a body. */
  missed: Map<object, string>;
  /** Warnings about fields the schema does not know, each said once per run. */
  unknown: Set<string>;
}

const EVENT_OBJECTS = Object.keys(BODY_FIELDS);

/**
 * Names that reach an object's prototype or constructor rather than a field: as a `--set` segment
 * or an `--overlay` key they could change objects outside the body, so they are refused.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function forbiddenKey(key: string, where: string): UsageError {
  return new UsageError(
    `${where} uses "${key}", which is not a field of a webhook body`,
    '__proto__, constructor and prototype are refused as path segments and overlay keys',
  );
}

/** Refuses an overlay (a parsed JSON object) holding a forbidden key at any depth. */
export function checkOverlayKeys(value: unknown, file: string, path: string[] = []): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkOverlayKeys(item, file, [...path, String(i)]));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key))
      throw forbiddenKey(key, `--overlay ${file} (at ${[...path, key].join('.')})`);
    checkOverlayKeys((value as Record<string, unknown>)[key], file, [...path, key]);
  }
}

/** `orderEvent.lines.*.buyerLine.item.number=ART-100`: a dot path, `=`, a value (may be empty). */
export function parseSetOverride(text: string): SetOverride {
  const at = text.indexOf('=');
  const path = at < 0 ? [] : text.slice(0, at).split('.');
  if (at <= 0 || path.some((segment) => segment.trim() === '')) {
    throw new UsageError(
      `--set "${text}" is not <path>=<value>`,
      "Write a dot path into the body, e.g. --set 'orderEvent.lines.*.buyerLine.item.number=ART-100'",
    );
  }
  const forbidden = path.find((segment) => FORBIDDEN_KEYS.has(segment.trim()));
  if (forbidden !== undefined) throw forbiddenKey(forbidden.trim(), `--set "${text}"`);
  return { text, path, value: text.slice(at + 1) };
}

/** Whether any overrides were given (nothing to apply or check otherwise). */
export function hasOverrides(overrides: BodyOverrides | undefined): overrides is BodyOverrides {
  return overrides !== undefined && (overrides.overlays.length > 0 || overrides.sets.length > 0);
}

/**
 * A copy of `body` with the overrides applied; `schema` (the bundled body schema) gives the type
 * each `--set` value is coerced to. Overlays apply to bodies that have every event object the
 * overlay names; a `--set` whose first segment is an event object the body lacks is skipped.
 */
export function applyBodyOverrides(
  body: Record<string, unknown>,
  overrides: BodyOverrides,
  schema: JsonSchema | undefined,
  tally?: OverrideTally,
): Record<string, unknown> {
  let out = structuredClone(body);
  const present = Object.keys(out).filter((key) => EVENT_OBJECTS.includes(key));
  const notInBody = (missing: string) =>
    `no body of this run has ${missing}` + (present.length > 0 ? ` (they have ${present.join(', ')})` : '');
  for (const entry of overrides.overlays) {
    const overlay = entry.body;
    const events = Object.keys(overlay).filter((key) => EVENT_OBJECTS.includes(key));
    const missing = events.find((key) => !(key in out));
    if (missing === undefined) {
      out = deepMerge(out, overlay) as Record<string, unknown>;
      tally?.applied.add(entry);
      if (tally && schema) {
        const label = entry.label ?? `--overlay ${entry.file}`;
        for (const w of unknownOverlayFields(overlay, schema)) tally.unknown.add(`${label}: ${w}`);
      }
    } else tally?.missed.set(entry, notInBody(missing));
  }
  for (const set of overrides.sets) {
    const [first] = set.path;
    if (first !== undefined && EVENT_OBJECTS.includes(first) && !(first in out)) {
      tally?.missed.set(set, notInBody(first));
      continue;
    }
    const missed = assign(out, set.path, set.value, schema, []);
    if (missed === undefined) {
      tally?.applied.add(set);
      const unknown = tally && schema ? unknownSetField(set.path, schema) : undefined;
      if (unknown) tally?.unknown.add(`${set.label ?? `--set ${set.text}`}: ${unknown}`);
    } else tally?.missed.set(set, missed);
  }
  return out;
}

/** Objects merged member by member; arrays and scalars replaced. */
function deepMerge(target: unknown, patch: unknown): unknown {
  if (!isObject(target) || !isObject(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    // Own members only, defined rather than assigned: no key can reach a prototype.
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    Object.defineProperty(out, key, {
      value: deepMerge(current, value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * Sets the value at `path` below `node`; `at` is the path walked so far. Returns undefined when
 * the value was set (for `*`, in at least one element), else why nothing was set.
 */
function assign(
  node: unknown,
  path: string[],
  raw: string,
  schema: JsonSchema | undefined,
  at: string[],
): string | undefined {
  const [segment, ...rest] = path as [string, ...string[]];
  const facts = schema ? describeSchema(schema) : undefined;
  const where = at.join('.');
  if (Array.isArray(node)) {
    const itemSchema = facts?.items;
    if (segment !== '*' && !/^\d+$/.test(segment)) {
      return `${where} is a list, and "${segment}" is not an index (0, 1, … or *)`;
    }
    const indexes = segment === '*' ? [...node.keys()] : [Number(segment)];
    if (indexes.length === 0) return `${where} is an empty list`;
    // One past the end appends; further is out of range.
    const index = indexes[0]!;
    if (segment !== '*' && index > node.length) {
      return `index ${index} is out of range: ${where} has ${node.length} element${node.length === 1 ? '' : 's'}`;
    }
    let missed: string | undefined = 'no element was set';
    for (const i of indexes) {
      if (rest.length === 0) {
        node[i] = coerce(raw, itemSchema);
        missed = undefined;
      } else {
        const result = descend(node[i], rest, raw, itemSchema, [...at, String(i)]);
        if (result.missed === undefined) {
          node[i] = result.value;
          missed = undefined;
        } else if (missed !== undefined) missed = result.missed;
      }
    }
    return missed;
  }
  if (!isObject(node)) {
    const kind = node === null ? 'null' : typeof node === 'string' ? 'a string' : `a ${typeof node}`;
    return `${where} is ${kind}, not an object or a list`;
  }
  if (FORBIDDEN_KEYS.has(segment)) throw forbiddenKey(segment, `--set ${path.join('.')}`);
  const child = facts?.properties.get(segment) ?? facts?.additional;
  const current = Object.hasOwn(node, segment) ? node[segment] : undefined;
  if (rest.length === 0) {
    define(node, segment, coerce(raw, child));
    return undefined;
  }
  const result = descend(current, rest, raw, child, [...at, segment]);
  if (result.missed === undefined) define(node, segment, result.value);
  return result.missed;
}

function define(node: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The value at the next level, created (an object, or a list before a numeric segment) when missing. */
function descend(
  value: unknown,
  rest: string[],
  raw: string,
  schema: JsonSchema | undefined,
  at: string[],
): { value: unknown; missed: string | undefined } {
  const container = value ?? (/^\d+$/.test(rest[0] ?? '') ? [] : {});
  const missed = assign(container, rest, raw, schema, at);
  return { value: container, missed };
}

/** The value as the schema's type at that path; JSON, else the text, where the schema says nothing. */
function coerce(raw: string, schema: JsonSchema | undefined): unknown {
  const types = schema ? new Set(describeSchema(schema).types) : new Set<string>();
  types.delete('null');
  const trimmed = raw.trim();
  if (types.size === 1 && types.has('string')) return raw;
  if ((types.has('number') || types.has('integer')) && trimmed !== '' && Number.isFinite(Number(trimmed))) {
    return Number(trimmed);
  }
  if (types.has('boolean') && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  if (types.has('string') && !types.has('object') && !types.has('array')) return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
