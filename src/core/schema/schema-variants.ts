import type { JsonSchema } from './body-schema-types.js';
import { isPlainObject, mapSubschemas, type ChildSlot, type SchemaNode } from './map-subschemas.js';

/**
 * The same body schema under different policies. Tradecloud may add enum values and fields at any
 * time, so the lenient variant has no enums (unknown values become warnings elsewhere), and the
 * strict variant closes every object that lists its properties.
 */
export function withoutEnums(schema: JsonSchema): JsonSchema {
  const memo = new Map<object, unknown>();
  const visit = (node: unknown): unknown => {
    if (!isPlainObject(node)) return node;
    const done = memo.get(node);
    if (done !== undefined) return done;
    const { enum: _known, ...rest } = node;
    const out = mapSubschemas(rest, visit);
    memo.set(node, out);
    return out;
  };
  return visit(schema) as JsonSchema;
}

const COMPOSITIONS = ['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', 'dependentSchemas', '$ref'];

/**
 * Unknown fields become errors: `additionalProperties: false` on a plain object schema, and
 * `unevaluatedProperties: false` where composition (allOf, oneOf, …) adds properties, so that
 * fields defined by any matching branch still count as known. Branches themselves stay open.
 */
export function withUnknownFieldChecks(schema: JsonSchema): JsonSchema {
  const memo = new Map<object, Map<ChildSlot, unknown>>();
  const visit = (node: unknown, slot: ChildSlot): unknown => {
    if (!isPlainObject(node)) return node;
    const bySlot = memo.get(node) ?? new Map<ChildSlot, unknown>();
    memo.set(node, bySlot);
    const done = bySlot.get(slot);
    if (done !== undefined) return done;
    const out = mapSubschemas(node, visit);
    if (slot === 'other' && isOpen(node) && declaresProperties(node, new Set())) {
      if (COMPOSITIONS.some((k) => node[k] !== undefined)) out.unevaluatedProperties = false;
      else out.additionalProperties = false;
    }
    bySlot.set(slot, out);
    return out;
  };
  return visit(schema, 'other') as JsonSchema;
}

function isOpen(node: SchemaNode): boolean {
  return (
    node.additionalProperties === undefined &&
    node.unevaluatedProperties === undefined &&
    node.patternProperties === undefined
  );
}

function declaresProperties(node: SchemaNode, seen: Set<object>): boolean {
  if (seen.has(node)) return false;
  seen.add(node);
  if (isPlainObject(node.properties)) return true;
  return ['allOf', 'anyOf', 'oneOf'].some(
    (k) =>
      Array.isArray(node[k]) &&
      (node[k] as unknown[]).some((b) => isPlainObject(b) && declaresProperties(b, seen)),
  );
}
