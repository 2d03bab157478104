import { levenshtein } from '../text/levenshtein.js';
import { describeSchema, type JsonSchema } from '../txml/describe-schema.js';

/**
 * Fields an override names that the bundled schema does not know. Tradecloud's schemas allow
 * unknown fields (they may add some any day), so such a body still validates: a typo such as
 * `purchaseOrderNumbr` would otherwise be applied in silence next to the real field.
 */
function unknownAt(schema: JsonSchema, key: string, at: string[]): string | undefined {
  const facts = describeSchema(schema);
  if (facts.properties.has(key) || facts.additional || facts.properties.size === 0) return undefined;
  const where = at.length === 0 ? 'the body' : at.join('.');
  const nearest = levenshtein().closest(key, [...facts.properties.keys()]);
  return `the schema has no field "${key}" in ${where}; did you mean ${nearest}? (applied anyway)`;
}

/** The schema of `key` below `schema` (items for an index or `*`); undefined where it says nothing. */
function childSchema(schema: JsonSchema, key: string): JsonSchema | undefined {
  const facts = describeSchema(schema);
  if (key === '*' || /^\d+$/.test(key)) return facts.items;
  return facts.properties.get(key) ?? facts.additional;
}

/** The first segment of a `--set` path the schema does not know, said as a warning. */
export function unknownSetField(path: string[], schema: JsonSchema): string | undefined {
  let node: JsonSchema | undefined = schema;
  for (const [i, key] of path.entries()) {
    if (node === undefined) return undefined;
    if (!(key === '*' || /^\d+$/.test(key))) {
      const unknown = unknownAt(node, key, path.slice(0, i));
      if (unknown) return unknown;
    }
    node = childSchema(node, key);
  }
  return undefined;
}

/** Every key of an overlay the schema does not know (not looking below an unknown one). */
export function unknownOverlayFields(value: unknown, schema: JsonSchema, at: string[] = []): string[] {
  if (Array.isArray(value)) {
    const items = describeSchema(schema).items;
    return items ? value.flatMap((item, i) => unknownOverlayFields(item, items, [...at, String(i)])) : [];
  }
  if (typeof value !== 'object' || value === null) return [];
  const found: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const unknown = unknownAt(schema, key, at);
    if (unknown) {
      found.push(unknown);
      continue;
    }
    const next = childSchema(schema, key);
    if (next) found.push(...unknownOverlayFields(child, next, [...at, key]));
  }
  return found;
}
