import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../../src/errors.js';
import { toJsonSchema } from '../../../src/core/schema/to-json-schema.js';

describe('toJsonSchema', () => {
  it('turns nullable and x-nullable into a null type, also in enums', () => {
    const out = toJsonSchema(
      {
        type: 'object',
        properties: {
          a: { type: 'string', nullable: true },
          b: { type: 'integer', 'x-nullable': true },
          c: { type: 'string', enum: ['X', 'Y'], nullable: true },
        },
      },
      'openapi-3.0',
      'spec',
    );
    const props = out.properties as Record<string, Record<string, unknown>>;
    assert.deepEqual(props.a, { type: ['string', 'null'] });
    assert.deepEqual(props.b, { type: ['integer', 'null'] });
    assert.deepEqual(props.c, { type: ['string', 'null'], enum: ['X', 'Y', null] });
  });

  it('drops OpenAPI annotations and x- keys but keeps property names that look like them', () => {
    const out = toJsonSchema(
      {
        type: 'object',
        xml: { name: 'WebhookBody' },
        example: { a: 1 },
        discriminator: { propertyName: 'kind' },
        'x-internal': true,
        properties: { 'x-custom': { type: 'string', readOnly: true, description: 'kept name' } },
      },
      'swagger-2.0',
      'spec',
    );
    assert.deepEqual(out, { type: 'object', properties: { 'x-custom': { type: 'string' } } });
  });

  it('translates draft-4 boolean exclusive bounds (Swagger 2.0 / OpenAPI 3.0) but not in 3.1', () => {
    const schema = {
      type: 'number',
      minimum: 0,
      exclusiveMinimum: true,
      maximum: 9,
      exclusiveMaximum: false,
    };
    assert.deepEqual(toJsonSchema(schema, 'swagger-2.0', 'spec'), {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 9,
    });
    assert.deepEqual(toJsonSchema({ exclusiveMinimum: 3 }, 'openapi-3.1', 'spec'), { exclusiveMinimum: 3 });
  });

  it('turns recursion into $defs and shares schemas used more than once', () => {
    const node: Record<string, unknown> = { type: 'object', properties: { key: { type: 'string' } } };
    (node.properties as Record<string, unknown>).children = { type: 'array', items: node };
    const party = { type: 'object', properties: { name: { type: 'string' } } };
    const out = toJsonSchema(
      { type: 'object', properties: { tree: node, buyer: party, supplier: party } },
      'swagger-2.0',
      'spec',
    );
    const json = JSON.stringify(out); // would throw if a cycle were left
    assert.match(json, /"\$ref":"#\/\$defs\/s\d"/);
    const defs = out.$defs as Record<string, unknown>;
    assert.equal(Object.keys(defs).length, 2);
    const props = out.properties as Record<string, { $ref?: string }>;
    assert.equal(props.buyer?.$ref, props.supplier?.$ref);
  });

  it('keeps schemas inline inside oneOf branches, so error paths show the branch', () => {
    const shared = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } };
    const out = toJsonSchema(
      { type: 'object', properties: { a: shared, b: { oneOf: [shared, { type: 'string' }] } } },
      'openapi-3.0',
      'spec',
    );
    const b = (out.properties as Record<string, { oneOf: unknown[] }>).b;
    assert.deepEqual(b?.oneOf[0], shared);
  });

  it('rejects a $ref that only points back at itself', () => {
    const loop: Record<string, unknown> = { $ref: '#/definitions/A' };
    assert.throws(
      () => toJsonSchema({ type: 'object', properties: { a: loop } }, 'swagger-2.0', 'spec.yaml'),
      (error: unknown) =>
        error instanceof InputError && /circular \$ref "#\/definitions\/A"/.test(error.message),
    );
  });
});
