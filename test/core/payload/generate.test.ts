import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../../src/errors.js';
import { EVENT_CATALOG, type WebhookType } from '../../../src/core/payload/events.js';
import { generatePayload } from '../../../src/core/payload/generate.js';

const TYPES = Object.keys(EVENT_CATALOG) as WebhookType[];
const BODY_KEY: Record<WebhookType, string> = {
  order: 'orderEvent',
  'single-delivery': 'singleDeliveryOrderEvent',
  'order-documents': 'orderDocumentsEvent',
  shipment: 'shipment',
};
const NOW = new Date('2026-03-10T09:30:00.000Z');
const everySample = () => TYPES.flatMap((type) => EVENT_CATALOG[type].map((event) => ({ type, event })));

/** Every leaf with its path, to check shapes that must hold everywhere. */
function* leaves(value: unknown, path = ''): Generator<[string, unknown]> {
  if (Array.isArray(value)) {
    yield [path, value];
    for (const [i, v] of value.entries()) yield* leaves(v, `${path}/${i}`);
  } else if (value !== null && typeof value === 'object') {
    yield [path, value];
    for (const [k, v] of Object.entries(value)) yield* leaves(v, `${path}/${k}`);
  } else yield [path, value];
}

describe('generatePayload: every event', () => {
  it('gives eventName plus exactly the one event object of the type', () => {
    for (const { type, event } of everySample()) {
      const body = generatePayload({ type, event, seed: 1, now: NOW });
      const expected =
        type === 'shipment' ? ['eventName', 'shipment', 'meta'] : ['eventName', BODY_KEY[type]];
      assert.deepEqual(Object.keys(body), expected, `${type} ${event}`);
      assert.equal(body.eventName, event);
    }
  });

  it('has no null, empty string, empty array or empty object anywhere (tXML cannot say them)', () => {
    for (const { type, event } of everySample()) {
      for (const [path, v] of leaves(generatePayload({ type, event, now: NOW }))) {
        const where = `${type} ${event} ${path}`;
        assert.ok(v !== null && v !== undefined && v !== '', where);
        if (Array.isArray(v)) assert.ok(v.length > 0, where);
        else if (typeof v === 'object') assert.ok(Object.keys(v).length > 0, where);
        if (typeof v === 'number') assert.ok(Number.isFinite(v) && !/e/i.test(String(v)), where);
      }
    }
  });

  it('rejects an event of another type with a usage error', () => {
    assert.throws(
      () => generatePayload({ type: 'shipment', event: 'OrderIssuedByBuyer', now: NOW }),
      (e) => e instanceof UsageError,
    );
  });
});

describe('generatePayload: seeds', () => {
  it('the same seed gives the same bytes, whatever the clock says', () => {
    for (const { type, event } of everySample()) {
      const a = JSON.stringify(generatePayload({ type, event, seed: 42, now: NOW }));
      const b = JSON.stringify(generatePayload({ type, event, seed: 42, now: new Date() }));
      assert.equal(a, b, `${type} ${event}`);
    }
  });

  it('different seeds give different payloads', () => {
    for (const { type, event } of everySample()) {
      const one = JSON.stringify(generatePayload({ type, event, seed: 1, now: NOW }));
      const two = JSON.stringify(generatePayload({ type, event, seed: 2, now: NOW }));
      assert.notEqual(one, two, `${type} ${event}`);
    }
  });

  it('seed 0 is a seed like any other', () => {
    const a = generatePayload({ type: 'order', event: 'OrderIssuedByBuyer', seed: 0, now: NOW });
    assert.deepEqual(
      a,
      generatePayload({ type: 'order', event: 'OrderIssuedByBuyer', seed: 0, now: new Date(0) }),
    );
  });

  it('without a seed, ids are fresh and timestamps come from the clock', () => {
    const make = () => generatePayload({ type: 'order', event: 'OrderIssuedByBuyer', now: NOW });
    const [a, b] = [make(), make()] as Array<{
      orderEvent: { orderId: string; meta: Record<string, unknown> };
    }>;
    assert.notEqual(a?.orderEvent.meta.messageId, b?.orderEvent.meta.messageId);
    assert.notEqual(a?.orderEvent.orderId, b?.orderEvent.orderId);
    assert.equal(a?.orderEvent.meta.createdDateTime, NOW.toISOString());
    const shipment = generatePayload({ type: 'shipment', event: 'ShipmentIssuedBySupplier', now: NOW });
    assert.equal((shipment.meta as { createdDateTime: string }).createdDateTime, NOW.toISOString());
  });

  it('a seeded payload has a moment of its own, in 2026', () => {
    const body = generatePayload({ type: 'order', event: 'OrderIssuedByBuyer', seed: 9, now: NOW });
    const created = (body.orderEvent as { meta: { createdDateTime: string } }).meta.createdDateTime;
    assert.match(created, /^2026-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.notEqual(created, NOW.toISOString());
  });
});
