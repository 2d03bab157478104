import { InputError } from '../../errors.js';
import { bodyKindOf, findBodyField } from '../model/body-fields.js';
import type { BodyKind, JsonSchema, SpecDialect } from './body-schema-types.js';
import { scalarText } from './describe-value.js';

export interface BodyOperation {
  /** `POST /path` as written in the spec. */
  operation: string;
  schema: JsonSchema;
  /** Which webhook body the schema describes, judged from its top-level properties. */
  fits?: BodyKind;
}

/** Tells which OpenAPI version a parsed document is, or why it is not one. */
export function detectSpecDialect(document: unknown, display: string): SpecDialect {
  const doc = isObject(document) ? document : {};
  const hint = 'Pass a Swagger 2.0 or OpenAPI 3.0/3.1 document, or a JSON Schema of the body (YAML or JSON)';
  if (doc.swagger !== undefined) {
    if (scalarText(doc.swagger).startsWith('2')) return 'swagger-2.0';
    throw new InputError(
      `the spec ${display} declares swagger ${scalarText(doc.swagger)}, which is not supported`,
      hint,
    );
  }
  if (doc.openapi !== undefined) {
    const version = scalarText(doc.openapi);
    if (version.startsWith('3.0')) return 'openapi-3.0';
    if (version.startsWith('3.1')) return 'openapi-3.1';
    throw new InputError(`the spec ${display} declares openapi ${version}, which is not supported`, hint);
  }
  const jsonSchema = jsonSchemaDialect(doc, display);
  if (jsonSchema) return jsonSchema;
  throw new InputError(
    `${display} is neither an OpenAPI document (no "swagger" or "openapi" field) nor a JSON Schema (no "$schema")`,
    hint,
    { code: 'input.not-a-spec' },
  );
}

/**
 * A JSON Schema of the body, known by its `$schema`: 2020-12 (what `tc-webhook schema --format
 * json-schema` prints) or draft-07 / 2019-09. Draft 4 and older differ in keywords (boolean
 * exclusive bounds) and are refused rather than misread.
 */
function jsonSchemaDialect(doc: Record<string, unknown>, display: string): SpecDialect | undefined {
  if (typeof doc.$schema !== 'string' || !/json-schema\.org\//i.test(doc.$schema)) return undefined;
  const uri = doc.$schema;
  if (/\/draft\/2020-12\//.test(uri)) return 'json-schema-2020-12';
  if (/\/(draft-07|draft-06|draft\/2019-09)\//.test(uri)) return 'json-schema-draft-07';
  throw new InputError(
    `the JSON Schema ${display} declares "$schema": "${uri}", which is not supported`,
    'Use JSON Schema draft-07, 2019-09 or 2020-12 (tc-webhook schema --format json-schema prints 2020-12)',
  );
}

/** A JSON Schema document is the body schema itself: one "operation", named by its title. */
function jsonSchemaBody(doc: Record<string, unknown>): BodyOperation[] {
  const title = typeof doc.title === 'string' && doc.title.trim() !== '' ? ` ${doc.title.trim()}` : '';
  return [{ operation: `JSON Schema${title}`, schema: doc, fits: kindOfSchema(doc) }];
}

/** Every POST operation with a request body, in document order. */
export function findBodyOperations(doc: Record<string, unknown>, dialect: SpecDialect): BodyOperation[] {
  if (dialect === 'json-schema-2020-12' || dialect === 'json-schema-draft-07') return jsonSchemaBody(doc);
  const found: BodyOperation[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item) || !isObject(item.post)) continue;
    const schema =
      dialect === 'swagger-2.0' ? swaggerBodySchema(item, item.post) : openApiBodySchema(item.post);
    if (schema) found.push({ operation: `POST ${path}`, schema, fits: kindOfSchema(schema) });
  }
  return found;
}

/** The operation whose body fits the kind, else the first one. */
export function pickBodyOperation(
  operations: BodyOperation[],
  kind: BodyKind,
  display: string,
): BodyOperation {
  const picked = operations.find((op) => op.fits === kind) ?? operations[0];
  if (!picked) {
    throw new InputError(
      `the spec ${display} has no POST operation with a request body`,
      'Pass the webhook spec (order-webhook-connector or shipment-webhook-connector specs.yaml)',
    );
  }
  return picked;
}

function swaggerBodySchema(
  item: Record<string, unknown>,
  post: Record<string, unknown>,
): JsonSchema | undefined {
  const params = [...asArray(item.parameters), ...asArray(post.parameters)];
  const body = params.find((p) => isObject(p) && p.in === 'body') as Record<string, unknown> | undefined;
  return body && isObject(body.schema) ? body.schema : undefined;
}

function openApiBodySchema(post: Record<string, unknown>): JsonSchema | undefined {
  const content =
    isObject(post.requestBody) && isObject(post.requestBody.content) ? post.requestBody.content : {};
  const json = content['application/json'];
  if (isObject(json) && isObject(json.schema)) return json.schema;
  const media = Object.keys(content).sort((a, b) => Number(!/json/i.test(a)) - Number(!/json/i.test(b)));
  for (const type of media) {
    const entry = content[type];
    if (isObject(entry) && isObject(entry.schema)) return entry.schema;
  }
  return undefined;
}

function kindOfSchema(schema: JsonSchema): BodyKind | undefined {
  const names = new Set<string>();
  for (const node of [schema, ...(['allOf', 'anyOf', 'oneOf'] as const).flatMap((k) => asArray(schema[k]))]) {
    if (isObject(node) && isObject(node.properties))
      Object.keys(node.properties).forEach((n) => names.add(n));
  }
  const found = findBodyField(names);
  return found && bodyKindOf(found.type);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
