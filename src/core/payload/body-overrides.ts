import { UsageError } from '../../errors.js';
import { BODY_FIELDS } from '../model/body-fields.js';
import { describeSchema, type JsonSchema } from '../txml/describe-schema.js';

/**
 * The user's own data in generated bodies (docs/cli-contract.md, "Your data in the samples"), as
 * Stripe's `trigger --override` does: overlays deep-merged first, then each `--set` in order.
 */
export interface SetOverride {
  /** As the user wrote it, for messages. */
  text: string;
  path: string[];
  value: string;
}

export interface BodyOverrides {
  overlays: { file: string; body: Record<string, unknown> }[];
  sets: SetOverride[];
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
): Record<string, unknown> {
  let out = structuredClone(body);
  for (const { body: overlay } of overrides.overlays) {
    const events = Object.keys(overlay).filter((key) => EVENT_OBJECTS.includes(key));
    if (events.every((key) => key in out)) out = deepMerge(out, overlay) as Record<string, unknown>;
  }
  for (const set of overrides.sets) {
    const [first] = set.path;
    if (first !== undefined && EVENT_OBJECTS.includes(first) && !(first in out)) continue;
    assign(out, set.path, set.value, schema);
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

function assign(node: unknown, path: string[], raw: string, schema: JsonSchema | undefined): void {
  const [segment, ...rest] = path as [string, ...string[]];
  const facts = schema ? describeSchema(schema) : undefined;
  if (Array.isArray(node)) {
    const itemSchema = facts?.items;
    const indexes = segment === '*' ? node.keys() : /^\d+$/.test(segment) ? [Number(segment)] : [];
    for (const index of indexes) {
      if (index > node.length) continue;
      if (rest.length === 0) node[index] = coerce(raw, itemSchema);
      else node[index] = descend(node[index], rest, raw, itemSchema);
    }
    return;
  }
  if (!isObject(node)) return;
  if (FORBIDDEN_KEYS.has(segment)) throw forbiddenKey(segment, `--set ${path.join('.')}`);
  const child = facts?.properties.get(segment) ?? facts?.additional;
  const current = Object.hasOwn(node, segment) ? node[segment] : undefined;
  const value = rest.length === 0 ? coerce(raw, child) : descend(current, rest, raw, child);
  Object.defineProperty(node, segment, { value, enumerable: true, writable: true, configurable: true });
}

/** The value at the next level, created (an object, or a list before a numeric segment) when missing. */
function descend(value: unknown, rest: string[], raw: string, schema: JsonSchema | undefined): unknown {
  const container = value ?? (/^\d+$/.test(rest[0] ?? '') ? [] : {});
  assign(container, rest, raw, schema);
  return container;
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
