import { isPlainObject, type SchemaNode } from './map-subschemas.js';

/**
 * The schema that `node` stands for when it is an `allOf` of one schema plus keys for which
 * `addsNothing` holds (Swagger 2.0 allows no siblings beside `$ref`, so `xml` or a description goes
 * next to such an allOf). Wrappers of wrappers are followed; a loop of them is left as it is.
 */
export function unwrapAllOf(node: SchemaNode, addsNothing: (key: string) => boolean): unknown {
  const seen = new Set<unknown>();
  let current: unknown = node;
  while (isPlainObject(current)) {
    seen.add(current);
    const member = soleMember(current, addsNothing);
    if (member === undefined) return current;
    if (seen.has(member)) return node;
    current = member;
  }
  return current;
}

function soleMember(node: SchemaNode, addsNothing: (key: string) => boolean): unknown {
  const { allOf } = node;
  if (!Array.isArray(allOf) || allOf.length !== 1) return undefined;
  return Object.keys(node).every((key) => key === 'allOf' || addsNothing(key)) ? allOf[0] : undefined;
}
