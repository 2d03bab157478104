import { InputError } from '../../errors.js';
import type { JsonSchema, SpecDialect } from './body-schema-types.js';
import { isPlainObject, mapSubschemas, type SchemaNode } from './map-subschemas.js';
import { unwrapAllOf } from './unwrap-all-of.js';
import { applyVendorExtensions, TRANSLATED_EXTENSIONS } from './vendor-extensions.js';

/** Keywords that only document a schema; dropped so ajv compiles less and never trips on them. */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'example',
  'examples',
  'xml',
  'externalDocs',
  'discriminator',
  'readOnly',
  'writeOnly',
  'deprecated',
  'default',
  'nullable',
  '$comment',
  '$schema',
  '$id',
  '$anchor',
]);

/**
 * Turns a dereferenced OpenAPI schema graph into a JSON Schema tree ajv can compile:
 * OpenAPI-only keywords are translated (`nullable`, boolean `exclusiveMinimum`, `type: file`, the
 * vendor extensions of vendor-extensions.ts) or dropped. A schema used in several places or
 * recursively becomes one entry of `$defs` (ajv then compiles it once, not at every use). Inside
 * anyOf/oneOf branches schemas stay inline, because error paths there must show which branch they
 * come from. An `allOf` of one schema that only adds annotations (Swagger 2.0's way to put `xml` or
 * a description beside a `$ref`) is that schema.
 */
export function toJsonSchema(root: JsonSchema, dialect: SpecDialect, display: string): JsonSchema {
  const shared = countUses(root);
  const converted = new Map<object, unknown>();
  const inlined = new Map<object, unknown>();
  const inProgress = new Set<object>();
  const recursive = new Set<object>();
  const defNames = new Map<object, string>();
  const defs: SchemaNode = {};

  const nameOf = (node: object): string => {
    let name = defNames.get(node);
    if (name === undefined) {
      name = `s${defNames.size + 1}`;
      defNames.set(node, name);
    }
    return name;
  };
  const refTo = (node: object): SchemaNode => ({ $ref: `#/$defs/${nameOf(node)}` });

  const visit = (node: unknown, inBranch: boolean): unknown => {
    if (typeof node === 'boolean') return node;
    if (!isPlainObject(node)) return {};
    const wrapped = unwrapAllOf(node, isAnnotation);
    if (wrapped !== node) return visit(wrapped, inBranch);
    if (inProgress.has(node)) {
      recursive.add(node);
      return refTo(node);
    }
    const share = !inBranch && shared.has(node);
    const memo = inBranch ? inlined : converted;
    const done = memo.get(node);
    if (done !== undefined) return share || recursive.has(node) ? refTo(node) : done;
    inProgress.add(node);
    const out = mapSubschemas(translateNode(node, dialect, display), (child, slot) =>
      visit(child, inBranch || slot === 'branch'),
    );
    inProgress.delete(node);
    memo.set(node, out);
    if (!share && !recursive.has(node)) return out;
    const name = nameOf(node);
    defs[name] ??= out;
    return refTo(node);
  };

  const top = visit(root, false) as SchemaNode;
  if (defNames.size === 0) return top;
  return { ...top, $defs: { ...(isPlainObject(top.$defs) ? top.$defs : {}), ...defs } };
}

/** Schema objects reached through more than one edge of the graph. */
function countUses(root: unknown): Set<object> {
  const seen = new Set<object>();
  const many = new Set<object>();
  const visit = (node: unknown): unknown => {
    if (!isPlainObject(node)) return node;
    const wrapped = unwrapAllOf(node, isAnnotation);
    if (wrapped !== node) return visit(wrapped);
    if (seen.has(node)) {
      many.add(node);
      return node;
    }
    seen.add(node);
    mapSubschemas(node, visit);
    return node;
  };
  visit(root);
  return many;
}

function translateNode(node: SchemaNode, dialect: SpecDialect, display: string): SchemaNode {
  if (typeof node.$ref === 'string') {
    // The resolver leaves a $ref only where it points (through other $refs) back at itself.
    throw new InputError(
      `the spec ${display} has a circular $ref "${node.$ref}" that never reaches a schema`,
      'Fix the $ref so that it points at a definition with content',
    );
  }
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (!ANNOTATIONS.has(key) && !key.startsWith('x-')) out[key] = value;
  }
  if (node.nullable === true || node['x-nullable'] === true) allowNull(out);
  applyVendorExtensions(node, out, display);
  if (!Array.isArray(out.required)) delete out.required;
  if (dialect === 'swagger-2.0' || dialect === 'openapi-3.0') {
    // Draft 4 style (Swagger 2.0, OpenAPI 3.0): boolean exclusive bounds modify minimum/maximum.
    moveExclusiveBound(out, 'exclusiveMinimum', 'minimum');
    moveExclusiveBound(out, 'exclusiveMaximum', 'maximum');
    if (out.type === 'file') delete out.type;
  }
  return out;
}

/** Keys that change nothing about what a schema accepts. */
function isAnnotation(key: string): boolean {
  if (key.startsWith('x-')) return !TRANSLATED_EXTENSIONS.includes(key);
  return key !== 'nullable' && ANNOTATIONS.has(key);
}

function allowNull(out: SchemaNode): void {
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  else if (Array.isArray(out.type) && !out.type.includes('null'))
    out.type = [...(out.type as unknown[]), 'null'];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
}

function moveExclusiveBound(out: SchemaNode, flag: string, bound: string): void {
  if (typeof out[flag] !== 'boolean') return;
  if (out[flag] === true && typeof out[bound] === 'number') {
    out[flag] = out[bound];
    delete out[bound];
  } else {
    delete out[flag];
  }
}
