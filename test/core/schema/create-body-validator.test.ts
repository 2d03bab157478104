import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BodySchema } from '../../../src/core/schema/body-schema-types.js';
import { createBodyValidator } from '../../../src/core/schema/create-body-validator.js';

const schema = {
  type: 'object',
  required: ['eventName', 'orderEvent'],
  properties: {
    eventName: { type: 'string', enum: ['OrderIssuedByBuyer', 'OrderResentByBuyer'] },
    orderEvent: {
      type: 'object',
      required: ['orderId'],
      properties: {
        orderId: { type: 'string' },
        status: { type: 'string', enum: ['Issued', 'Confirmed'] },
        lastUpdatedAt: { type: 'string', format: 'date-time' },
        delivery: {
          oneOf: [
            {
              type: 'object',
              required: ['kind', 'location'],
              properties: { kind: { enum: ['pickup'] }, location: { type: 'string' } },
            },
            {
              type: 'object',
              required: ['kind', 'eta'],
              properties: { kind: { enum: ['courier'] }, eta: { type: 'string', format: 'date' } },
            },
          ],
        },
      },
    },
  },
};

function body(source: 'bundled' | 'spec'): BodySchema {
  return {
    kind: 'order',
    source,
    specLocation: '/specs/test.yaml',
    specName: 'test.yaml',
    schema,
    dialect: 'openapi-3.0',
    operation: 'POST /orders',
  };
}

const good = { eventName: 'OrderIssuedByBuyer', orderEvent: { orderId: 'PO1', status: 'Issued' } };

describe('createBodyValidator', () => {
  it('accepts a valid body with no errors and no warnings', async () => {
    const v = await createBodyValidator(body('bundled'), { strict: false });
    assert.deepEqual(await v.validate(good), { errors: [], warnings: [] });
  });

  it('bundled schema: an unknown enum value is a warning, a wrong type an error', async () => {
    const v = await createBodyValidator(body('bundled'), { strict: false });
    const r = await v.validate({ eventName: 'OrderShipped', orderEvent: { orderId: 7, status: 'Shipped' } });
    assert.deepEqual(
      r.errors.map((e) => [e.path, e.message]),
      [['/orderEvent/orderId', 'must be a string, found the number 7']],
    );
    assert.deepEqual(
      r.warnings.map((w) => w.path),
      ['/eventName', '/orderEvent/status'],
    );
    assert.match(r.warnings[1]!.message, /^"Shipped" is not a documented value \(Issued, Confirmed\)$/);
  });

  it('a --spec schema enforces enums as errors', async () => {
    const v = await createBodyValidator(body('spec'), { strict: false });
    const r = await v.validate({ ...good, orderEvent: { orderId: 'PO1', status: 'Shipped' } });
    assert.equal(r.warnings.length, 0);
    assert.deepEqual(
      r.errors.map((e) => e.path),
      ['/orderEvent/status'],
    );
    assert.match(
      r.errors[0]!.message,
      /must be one of the allowed values \(Issued, Confirmed\), found the string "Shipped"/,
    );
  });

  it('--strict makes unknown fields and unknown values errors', async () => {
    const v = await createBodyValidator(body('bundled'), { strict: true });
    const r = await v.validate({
      ...good,
      extra: 1,
      orderEvent: { orderId: 'PO1', status: 'Shipped', note: 'x' },
    });
    assert.deepEqual(r.errors.map((e) => e.path).sort(), [
      '/extra',
      '/orderEvent/note',
      '/orderEvent/status',
    ]);
    assert.match(r.errors.find((e) => e.path === '/extra')!.message, /unknown field "extra"/);
  });

  it('reports missing fields and bad formats in plain words', async () => {
    const v = await createBodyValidator(body('bundled'), { strict: false });
    const r = await v.validate({
      eventName: 'OrderIssuedByBuyer',
      orderEvent: { lastUpdatedAt: '2026-13-45' },
    });
    assert.deepEqual(
      r.errors.map((e) => `${e.path} ${e.message}`),
      [
        '/orderEvent required field "orderId" is missing',
        '/orderEvent/lastUpdatedAt must be a date-time with a time zone (RFC 3339, e.g. 2026-08-01T09:15:30.123Z), found the string "2026-13-45"',
      ],
    );
  });

  it('shows only the errors of the oneOf branch the data was meant for', async () => {
    const v = await createBodyValidator(body('spec'), { strict: false });
    const r = await v.validate({
      ...good,
      orderEvent: { orderId: 'PO1', delivery: { kind: 'courier', eta: 'soon' } },
    });
    assert.deepEqual(
      r.errors.map((e) => `${e.path} ${e.message}`),
      ['/orderEvent/delivery/eta must be a date (yyyy-MM-dd), found the string "soon"'],
    );
  });

  it('merges branches that all reject the type into one error', async () => {
    const v = await createBodyValidator(body('spec'), { strict: false });
    const r = await v.validate({ ...good, orderEvent: { orderId: 'PO1', delivery: 42 } });
    assert.deepEqual(
      r.errors.map((e) => `${e.path} ${e.message}`),
      ['/orderEvent/delivery must be an object, found the number 42'],
    );
  });
});
