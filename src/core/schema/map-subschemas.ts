/**
 * The keywords that hold subschemas (JSON Schema draft 7 to 2020-12, as OpenAPI uses them), so
 * that transformations touch schemas and never property names or example values.
 */
const SCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_SINGLES = [
  'additionalProperties',
  'items',
  'additionalItems',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
];
/** Subschemas whose evaluated properties count for the schema that holds them. */
const CONDITIONALS = new Set(['if', 'then', 'else']);

export type SchemaNode = Record<string, unknown>;
/** `slot` says where the child sits: composition branches are treated differently by callers. */
export type ChildSlot = 'branch' | 'other';
export type MapChild = (child: unknown, slot: ChildSlot) => unknown;

/** Returns a shallow copy of `node` whose subschemas are replaced by `map(child)`. */
export function mapSubschemas(node: SchemaNode, map: MapChild): SchemaNode {
  const out: SchemaNode = { ...node };
  for (const key of SCHEMA_MAPS) {
    const value = node[key];
    if (!isPlainObject(value)) continue;
    const mapped: SchemaNode = {};
    const slot = key === 'dependentSchemas' ? 'branch' : 'other';
    for (const [name, child] of Object.entries(value)) mapped[name] = map(child, slot);
    out[key] = mapped;
  }
  for (const key of SCHEMA_LISTS) {
    const value = node[key];
    if (Array.isArray(value))
      out[key] = value.map((child) => map(child, key === 'prefixItems' ? 'other' : 'branch'));
  }
  for (const key of SCHEMA_SINGLES) {
    const value = node[key];
    const slot = CONDITIONALS.has(key) ? 'branch' : 'other';
    if (Array.isArray(value)) out[key] = value.map((child) => map(child, 'other'));
    else if (isPlainObject(value) || typeof value === 'boolean') out[key] = map(value, slot);
  }
  return out;
}

export function isPlainObject(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
