/** A schema object graph as parsed from YAML/JSON; after dereferencing it may be circular. */
export type JsonSchema = Record<string, unknown>;

export type BodyKind = 'order' | 'shipment';

export type SpecDialect = 'swagger-2.0' | 'openapi-3.0' | 'openapi-3.1';

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
