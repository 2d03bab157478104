import assert from 'node:assert/strict';
import type { ErrorObject } from 'ajv';
import { describe, it } from 'node:test';
import { describeAjvError } from '../../../src/core/schema/describe-ajv-error.js';

function error(keyword: string, instancePath: string, params: Record<string, unknown>): ErrorObject {
  return { keyword, instancePath, schemaPath: '#', params };
}

describe('describeAjvError', () => {
  const data = { a: { n: 10, s: 'Shipped', t: 'x'.repeat(100), list: [1, 2] } };

  it('says what was expected and what was found', () => {
    assert.equal(
      describeAjvError(error('type', '/a/n', { type: 'string' }), data).message,
      'must be a string, found the number 10',
    );
    assert.equal(
      describeAjvError(error('type', '/a/list', { type: 'object' }), data).message,
      'must be an object, found an array of 2',
    );
    assert.match(
      describeAjvError(error('type', '/a/t', { type: 'number' }), data).message,
      /found the string "x{60}…"$/,
    );
  });

  it('names a missing field at the object that lacks it', () => {
    const issue = describeAjvError(error('required', '/a', { missingProperty: 'orderId' }), data);
    assert.deepEqual(issue, {
      path: '/a',
      anchor: '/a',
      keyword: 'required',
      message: 'required field "orderId" is missing',
    });
  });

  it('points an unknown field at the field itself', () => {
    const issue = describeAjvError(error('additionalProperties', '/a', { additionalProperty: 'n' }), data);
    assert.equal(issue.path, '/a/n');
  });

  it('lists short enums in full and long ones by closest match', () => {
    assert.equal(
      describeAjvError(error('enum', '/a/s', { allowedValues: ['Issued', 'Completed'] }), data, true).message,
      '"Shipped" is not a documented value (Issued, Completed)',
    );
    const many = Array.from({ length: 30 }, (_, i) => `Value${i}`).concat('Shipping');
    const message = describeAjvError(error('enum', '/a/s', { allowedValues: many }), data, true).message;
    assert.match(
      message,
      /^"Shipped" is not a documented value \(closest: Shipping, .*; 31 values in all\)$/,
    );
  });

  it('a oneOf matched twice names the clashing fields when each branch requires one, else the branch numbers', () => {
    const envelope = [
      { required: ['orderEvent'] },
      { required: ['singleDeliveryOrderEvent'] },
      { required: ['orderDocumentsEvent'] },
    ];
    const clash = error('oneOf', '', { passingSchemas: [0, 2] });
    assert.equal(
      describeAjvError(clash, {}, false, () => envelope).message,
      'has "orderEvent" and "orderDocumentsEvent", but only one of them is allowed',
    );
    const shapes = [{ type: 'object' }, { type: 'object', properties: {} }];
    assert.equal(
      describeAjvError(error('oneOf', '', { passingSchemas: [0, 1] }), {}, false, () => shapes).message,
      'matches more than one of the alternatives (1 and 2); it must match exactly one',
    );
    assert.equal(
      describeAjvError(clash, {}).message,
      'matches more than one of the alternatives (1 and 3); it must match exactly one',
    );
  });
});
