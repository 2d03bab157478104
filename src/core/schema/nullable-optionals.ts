import type { JsonSchema } from './body-schema-types.js';
import { isPlainObject, mapSubschemas, type SchemaNode } from './map-subschemas.js';

/**
 * The bundled schemas' null rule (docs/schema-policy.md, "Nulls"): any optional property may be
 * null, a required one may not. Tradecloud's own C# model declares its optional fields nullable
 * (docs/webhook-payloads.md §3.2.5), so a body with `"grossPrice": null` is one Tradecloud may send.
 * Applied to the JSON Schema made from a bundled spec, systematically, rather than by hand in the
 * YAML. A property named in a `required` list of the object or of one of its composition branches
 * (the body's "exactly one event object") counts as required.
 */
export function withNullableOptionals(schema: JsonSchema, form: NullForm = 'if-else'): JsonSchema {
  const memo = new Map<object, unknown>();
  const visit = (node: unknown): unknown => {
    if (!isPlainObject(node)) return node;
    const done = memo.get(node);
    if (done !== undefined) return done;
    const out = mapSubschemas(node, visit);
    memo.set(node, out);
    if (isPlainObject(out.properties)) {
      const required = requiredNames(node);
      const properties: SchemaNode = {};
      for (const [name, child] of Object.entries(out.properties)) {
        properties[name] = required.has(name) ? child : nullable(child, form);
      }
      out.properties = properties;
    }
    return out;
  };
  return visit(schema) as JsonSchema;
}

/** Whether `schema` already lets a null through (the test of the rule uses it too). */
export function admitsNull(schema: unknown): boolean {
  if (!isPlainObject(schema)) return schema !== false;
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) return false;
  if (schema.type === undefined) {
    if (typeof schema.$ref === 'string') return false;
    if (isPlainObject(schema.if) && schema.if.type === 'null') return true;
    for (const key of ['anyOf', 'oneOf'] as const) {
      const list = schema[key];
      if (Array.isArray(list) && !list.some(admitsNull)) return false;
    }
    const all = schema.allOf;
    return !Array.isArray(all) || all.every(admitsNull);
  }
  return schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null'));
}

function requiredNames(node: SchemaNode): Set<string> {
  const names = new Set<string>();
  const add = (list: unknown) => {
    if (Array.isArray(list)) for (const n of list) if (typeof n === 'string') names.add(n);
  };
  add(node.required);
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = node[key];
    if (Array.isArray(branches)) for (const b of branches) if (isPlainObject(b)) add(b.required);
  }
  return names;
}

/**
 * How a schema without `type` (a `$ref`) is made nullable. `if-else` (`if null, else the schema`)
 * keeps validation messages to the schema's own errors, as ajv reports no branch of it; `anyOf`
 * (`the schema or null`) is what code generators understand, for exports.
 */
export type NullForm = 'if-else' | 'anyOf';

/** The same schema, also accepting null: `type` widened where there is one, else a null branch. */
function nullable(child: unknown, form: NullForm): unknown {
  if (!isPlainObject(child) || admitsNull(child)) return child;
  if (typeof child.type === 'string' || Array.isArray(child.type)) {
    const types: unknown[] = Array.isArray(child.type) ? child.type : [child.type];
    const out: SchemaNode = { ...child, type: [...types, 'null'] };
    if (Array.isArray(child.enum)) out.enum = [...(child.enum as unknown[]), null];
    return out;
  }
  return form === 'anyOf' ? { anyOf: [child, { type: 'null' }] } : { if: { type: 'null' }, else: child };
}
