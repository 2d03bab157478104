import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withoutEnums, withUnknownFieldChecks } from '../../../src/core/schema/schema-variants.js';

describe('schema variants', () => {
  it('withoutEnums removes every enum and nothing else', () => {
    const out = withoutEnums({
      type: 'object',
      properties: { status: { type: 'string', enum: ['Open'] }, enum: { type: 'string' } },
      $defs: { s1: { enum: [1, 2], type: 'integer' } },
    });
    assert.deepEqual(out, {
      type: 'object',
      properties: { status: { type: 'string' }, enum: { type: 'string' } },
      $defs: { s1: { type: 'integer' } },
    });
  });

  it('withUnknownFieldChecks closes plain objects with additionalProperties: false', () => {
    const out = withUnknownFieldChecks({
      type: 'object',
      properties: { a: { type: 'object', properties: { b: { type: 'string' } } } },
    });
    assert.equal(out.additionalProperties, false);
    const a = (out.properties as Record<string, Record<string, unknown>>).a;
    assert.equal(a?.additionalProperties, false);
  });

  it('uses unevaluatedProperties where composition adds properties, and leaves branches open', () => {
    const out = withUnknownFieldChecks({
      type: 'object',
      properties: { kind: { type: 'string' } },
      oneOf: [{ properties: { x: { type: 'string' } } }, { properties: { y: { type: 'string' } } }],
    });
    assert.equal(out.unevaluatedProperties, false);
    assert.equal(out.additionalProperties, undefined);
    for (const branch of out.oneOf as Record<string, unknown>[]) {
      assert.equal(branch.additionalProperties, undefined);
      assert.equal(branch.unevaluatedProperties, undefined);
    }
  });

  it('leaves maps and free-form objects open', () => {
    const out = withUnknownFieldChecks({
      type: 'object',
      properties: {
        eventDates: { type: 'object' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
      },
    });
    const props = out.properties as Record<string, Record<string, unknown>>;
    assert.equal(props.eventDates?.additionalProperties, undefined);
    assert.deepEqual(props.labels?.additionalProperties, { type: 'string' });
  });
});
