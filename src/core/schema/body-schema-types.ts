/** A schema object graph as parsed from YAML/JSON; after dereferencing it may be circular. */
export type JsonSchema = Record<string, unknown>;

export type BodyKind = 'order' | 'shipment';

/**
 * What the --spec document is: an OpenAPI description (the body is a POST operation's request body)
 * or a JSON Schema of the body itself (such as `tc-webhook schema --format json-schema`).
 */
export type SpecDialect =
  'swagger-2.0' | 'openapi-3.0' | 'openapi-3.1' | 'json-schema-2020-12' | 'json-schema-draft-07';

/** Dialects whose schemas are JSON Schema 2020-12 (ajv's 2020 flavour). */
export function isDraft2020(dialect: SpecDialect): boolean {
  return dialect === 'openapi-3.1' || dialect === 'json-schema-2020-12';
}

export interface BodySchema {
  kind: BodyKind;
  source: 'bundled' | 'spec';
  /** The file path or URL the schema was read from. */
  specLocation: string;
  /** The spec as named in messages: the --spec argument, or "bundled order-webhook.yaml". */
  specName: string;
  /** Dereferenced JSON Schema of the POST body, OpenAPI keywords (`xml`, `nullable`, …) kept. */
  schema: JsonSchema;
  dialect: SpecDialect;
  /** The operation whose body this is, e.g. `POST /order-events`. */
  operation: string;
  /** The cache key of the spec's text, when it is self-contained (its validators are noted under it). */
  specKey?: string;
}
