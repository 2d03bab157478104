import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BodySchema, JsonSchema } from '../../../src/core/schema/body-schema-types.js';
import { createSchemaCompiler } from '../../../src/core/schema/compile-schema.js';
import { createBodyValidator } from '../../../src/core/schema/create-body-validator.js';
import { toJsonSchema } from '../../../src/core/schema/to-json-schema.js';
import { InputError } from '../../../src/errors.js';

const convert = (schema: JsonSchema) => toJsonSchema(schema, 'swagger-2.0', 'spec.yaml');
const compile = (schema: JsonSchema) => createSchemaCompiler('swagger-2.0', 'spec.yaml')(convert(schema));

const envelope = {
  type: 'object',
  required: ['eventName'],
  properties: {
    eventName: { type: 'string' },
    a: { type: 'object' },
    b: { type: 'object' },
    c: { type: 'object' },
  },
  'x-one-of-required': ['a', 'b', 'c'],
};

function asBody(schema: JsonSchema): BodySchema {
  return {
    kind: 'order',
    source: 'spec',
    specLocation: '/specs/spec.yaml',
    specName: 'spec.yaml',
    schema,
    dialect: 'swagger-2.0',
    operation: 'POST /webhook',
  };
}

describe('vendor extensions (Swagger 2.0 has no oneOf, anyOf or type lists)', () => {
  it('x-one-of-required becomes a oneOf of required lists', () => {
    const out = convert(envelope);
    assert.deepEqual(out.oneOf, [{ required: ['a'] }, { required: ['b'] }, { required: ['c'] }]);
    assert.equal(out['x-one-of-required'], undefined);
  });

  it('x-one-of-required: none or two of the fields are errors that say which', async () => {
    const v = await createBodyValidator(asBody(envelope), { strict: false });
    assert.deepEqual((await v.validate({ eventName: 'X', b: {} })).errors, []);
    assert.deepEqual((await v.validate({ eventName: 'X' })).errors, [
      { path: '', keyword: 'required', message: 'required field "a" is missing', anchor: '' },
    ]);
    assert.deepEqual((await v.validate({ eventName: 'X', a: {}, c: {} })).errors, [
      {
        path: '',
        keyword: 'oneOf',
        message: 'has "a" and "c", but only one of them is allowed',
        anchor: '',
      },
    ]);
  });

  it('x-one-of-required next to a oneOf keeps both, under allOf', () => {
    const out = convert({ oneOf: [{ type: 'object' }], 'x-one-of-required': ['a'] });
    assert.deepEqual(out.oneOf, [{ type: 'object' }]);
    assert.deepEqual(out.allOf, [{ oneOf: [{ required: ['a'] }] }]);
  });

  it('x-any-of-formats replaces format by an anyOf of the formats', async () => {
    const schema = {
      type: 'string',
      format: 'date-time',
      'x-any-of-formats': ['date-time', 'local-date-time'],
    };
    assert.deepEqual(convert(schema), {
      type: 'string',
      anyOf: [{ format: 'date-time' }, { format: 'local-date-time' }],
    });
    assert.deepEqual(convert({ type: 'string', format: 'date', 'x-any-of-formats': ['uuid'] }), {
      type: 'string',
      format: 'uuid',
    });
    const validate = await compile(schema);
    for (const ok of ['2019-12-31T10:11:12', '2019-12-31T10:11:12.5+01:00', '2026-08-01T09:15:30.123Z'])
      assert.equal(validate(ok), true, ok);
    for (const bad of ['2019-02-30T10:11:12', '2019-12-31', 'yesterday', 5, null])
      assert.equal(validate(bad), false, String(bad));
  });

  it('a malformed extension value is a one-line input error naming the extension', () => {
    for (const [key, value] of [
      ['x-one-of-required', 'orderEvent'],
      ['x-one-of-required', []],
      ['x-any-of-formats', [1, 2]],
    ] as const) {
      assert.throws(
        () => convert({ type: 'object', [key]: value }),
        (error: unknown) =>
          error instanceof InputError &&
          error.message.startsWith(`the spec spec.yaml has an invalid ${key}: expected a non-empty list`) &&
          !error.message.includes('\n'),
        key,
      );
    }
  });

  it('x-nullable on a field with a format accepts null and still checks the format', async () => {
    const schema = {
      type: 'object',
      properties: {
        date: { type: 'string', format: 'date', 'x-nullable': true },
        id: { type: 'string', format: 'uuid', 'x-nullable': true },
        quantity: { type: 'number', 'x-nullable': true },
      },
    };
    const props = convert(schema).properties as Record<string, JsonSchema>;
    assert.deepEqual(props.date, { type: ['string', 'null'], format: 'date' });
    const validate = await compile(schema);
    assert.equal(validate({ date: null, id: null, quantity: null }), true);
    assert.equal(
      validate({ date: '2026-08-01', id: '3fa85f64-5717-4562-b3fc-2c963f66afa6', quantity: 2 }),
      true,
    );
    assert.equal(validate({ date: '2026-13-45' }), false);
    assert.equal(validate({ id: 'not-a-uuid' }), false);
    assert.equal(validate({ date: 5 }), false);
  });
});

describe('allOf of one schema beside xml (a $ref with an element name, Swagger 2.0 style)', () => {
  it('is the schema it wraps: shared definitions stay shared, annotations go', () => {
    const line = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } };
    const out = convert({
      type: 'object',
      properties: {
        lines: { type: 'array', items: { allOf: [line], xml: { name: 'line' }, 'x-note': 1 } },
        more: { type: 'array', items: { allOf: [line], description: 'the same lines' } },
      },
    });
    const props = out.properties as Record<string, { items: JsonSchema }>;
    assert.equal(props.lines?.items.allOf, undefined);
    assert.match(String(props.lines?.items.$ref), /^#\/\$defs\/s\d+$/);
    assert.equal(props.lines?.items.$ref, props.more?.items.$ref);
    assert.deepEqual(Object.values(out.$defs as object), [
      { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
    ]);
  });

  it('is kept when it adds a constraint or a translated extension', () => {
    const member = { type: 'string' };
    assert.deepEqual(convert({ allOf: [member], minLength: 2 }), { allOf: [member], minLength: 2 });
    assert.deepEqual(convert({ allOf: [member], 'x-nullable': true }), { allOf: [member] });
  });

  it('a loop of such wrappers neither hangs nor overflows the stack', () => {
    const a: Record<string, unknown> = { xml: { name: 'a' } };
    const b: Record<string, unknown> = { allOf: [a] };
    a.allOf = [b];
    const out = convert({ type: 'object', properties: { loop: a } });
    assert.doesNotThrow(() => JSON.stringify(out));
  });
});
