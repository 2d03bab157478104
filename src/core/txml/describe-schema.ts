import { ITEM_ALIASES, singularize } from './singularize.js';

/** A dereferenced JSON Schema object graph (no $ref left; may contain allOf/anyOf/oneOf; keeps `xml`). */
export type JsonSchema = Record<string, unknown>;

/** What the converter needs to know about one schema, merged over its allOf/anyOf/oneOf members. */
export interface SchemaFacts {
  /** JSON types the schema admits; empty when it does not say (anything goes). */
  readonly types: ReadonlySet<string>;
  readonly hasFormat: boolean;
  readonly properties: ReadonlyMap<string, JsonSchema>;
  /** Schema of members not listed in `properties` (additionalProperties as an object). */
  readonly additional: JsonSchema | undefined;
  readonly items: JsonSchema | undefined;
  /** Properties whose schema is an array. */
  readonly arrayProperties: ReadonlySet<string>;
  /** Item element name -> array property, for the repeated elements of unwrapped arrays. */
  readonly arrayByItemName: ReadonlyMap<string, string>;
  /** Array property -> every item element name accepted for it (wrapper detection). */
  readonly itemNames: ReadonlyMap<string, ReadonlySet<string>>;
}

const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;
const cache = new WeakMap<JsonSchema, SchemaFacts>();

export function asSchema(value: unknown): JsonSchema | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as JsonSchema)
    : undefined;
}

/** The schema itself and, recursively, its combinator members; a visited set survives circular specs. */
function membersOf(schema: JsonSchema, seen = new Set<JsonSchema>()): JsonSchema[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const members = [schema];
  for (const keyword of COMBINATORS) {
    const list = schema[keyword];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const member = asSchema(entry);
      if (member) members.push(...membersOf(member, seen));
    }
  }
  return members;
}

export function xmlNameOf(schema: JsonSchema | undefined): string | undefined {
  if (!schema) return undefined;
  for (const member of membersOf(schema)) {
    const name = asSchema(member.xml)?.name;
    if (typeof name === 'string' && name !== '') return name;
  }
  return undefined;
}

/** Types, format and items of one schema, without looking into its properties (safe on cycles). */
function shapeOf(schema: JsonSchema) {
  const types = new Set<string>();
  let items: JsonSchema | undefined;
  let hasFormat = false;
  for (const member of membersOf(schema)) {
    const type = member.type;
    if (typeof type === 'string') types.add(type);
    else if (Array.isArray(type)) for (const t of type) if (typeof t === 'string') types.add(t);
    // Swagger 2.0's x-nullable and OpenAPI 3.0's nullable widen the stated type, as `type: [X, 'null']` does.
    if (type !== undefined && (member['x-nullable'] === true || member.nullable === true)) types.add('null');
    if (asSchema(member.properties)) types.add('object');
    if (member.items !== undefined) types.add('array');
    if (typeof member.format === 'string') hasFormat = true;
    items ??= asSchema(Array.isArray(member.items) ? member.items[0] : member.items);
  }
  return { types, items, hasFormat };
}

export function describeSchema(schema: JsonSchema): SchemaFacts {
  const known = cache.get(schema);
  if (known) return known;
  const properties = new Map<string, JsonSchema>();
  let additional: JsonSchema | undefined;
  for (const member of membersOf(schema)) {
    for (const [name, value] of Object.entries(asSchema(member.properties) ?? {})) {
      const property = asSchema(value);
      if (property && !properties.has(name)) properties.set(name, property);
    }
    additional ??= asSchema(member.additionalProperties);
  }
  const facts: SchemaFacts = { ...shapeOf(schema), properties, additional, ...indexItemNames(properties) };
  cache.set(schema, facts);
  return facts;
}

/**
 * Maps item element names to their array property. Declared names (items.xml.name) win over the
 * singularised fallback, which wins over aliases, so that e.g. <deliveryScheduleLine> directly under a
 * line stays `deliverySchedule` even though it is also an alias of deliveryScheduleIncludingRequests.
 */
function indexItemNames(properties: ReadonlyMap<string, JsonSchema>) {
  const arrayProperties = new Set<string>();
  const arrayByItemName = new Map<string, string>();
  const itemNames = new Map<string, Set<string>>();
  const ranked: [string, string][][] = [[], [], []];
  for (const [name, property] of properties) {
    const { types, items } = shapeOf(property);
    if (!types.has('array')) continue;
    arrayProperties.add(name);
    const declared = xmlNameOf(items);
    const aliases = ITEM_ALIASES.get(name) ?? [];
    if (declared) ranked[0]!.push([declared, name]);
    ranked[1]!.push([singularize(name), name]);
    for (const alias of aliases) ranked[2]!.push([alias, name]);
    itemNames.set(name, new Set([...(declared ? [declared] : []), singularize(name), ...aliases]));
  }
  for (const rank of ranked) {
    for (const [element, property] of rank) {
      if (!arrayByItemName.has(element) && !properties.has(element)) arrayByItemName.set(element, property);
    }
  }
  return { arrayProperties, arrayByItemName, itemNames };
}
