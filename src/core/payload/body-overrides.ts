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
  for (const [key, value] of Object.entries(patch)) out[key] = deepMerge(target[key], value);
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
  const child = facts?.properties.get(segment) ?? facts?.additional;
  if (rest.length === 0) node[segment] = coerce(raw, child);
  else node[segment] = descend(node[segment], rest, raw, child);
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
