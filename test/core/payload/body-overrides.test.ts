import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../../src/errors.js';
import { applyBodyOverrides, parseSetOverride } from '../../../src/core/payload/body-overrides.js';

const schema = {
  type: 'object',
  properties: {
    eventName: { type: 'string' },
    orderEvent: {
      type: 'object',
      properties: {
        version: { type: 'integer' },
        flag: { type: 'boolean' },
        lines: {
          type: 'array',
          items: {
            allOf: [
              { type: 'object', properties: { position: { type: 'string' }, quantity: { type: 'number' } } },
            ],
          },
        },
      },
    },
  },
};

const body = () => ({
  eventName: 'OrderIssuedByBuyer',
  orderEvent: { version: 1, lines: [{ position: '0001' }, { position: '0002' }] },
});

const set = (...texts: string[]) => ({ overlays: [], sets: texts.map(parseSetOverride) });

describe('--set', () => {
  it('parses <path>=<value>; the value may contain = and be empty', () => {
    assert.deepEqual(parseSetOverride('a.b=x=y'), { text: 'a.b=x=y', path: ['a', 'b'], value: 'x=y' });
    assert.deepEqual(parseSetOverride('a=').value, '');
    for (const bad of ['a', '=1', 'a..b=1', '.a=1'])
      assert.throws(
        () => parseSetOverride(bad),
        (e) => e instanceof UsageError,
      );
  });

  it('coerces to the schema type through allOf items; JSON where the schema says nothing', () => {
    const out = applyBodyOverrides(
      body(),
      set(
        'orderEvent.lines.*.position=10',
        'orderEvent.lines.1.quantity=2.5',
        'orderEvent.version=3',
        'orderEvent.flag=true',
        'orderEvent.extra={"a":[1]}',
        'orderEvent.text=not json',
      ),
      schema,
    ) as { orderEvent: Record<string, unknown> & { lines: Record<string, unknown>[] } };
    assert.deepEqual(
      out.orderEvent.lines.map((l) => l.position),
      ['10', '10'],
    );
    assert.equal(out.orderEvent.lines[1]!.quantity, 2.5);
    assert.equal(out.orderEvent.version, 3);
    assert.equal(out.orderEvent.flag, true);
    assert.deepEqual(out.orderEvent.extra, { a: [1] });
    assert.equal(out.orderEvent.text, 'not json');
  });

  it('a value the type cannot take stays text (validation then names the path)', () => {
    const out = applyBodyOverrides(body(), set('orderEvent.version=three'), schema) as {
      orderEvent: { version: unknown };
    };
    assert.equal(out.orderEvent.version, 'three');
  });

  it('creates missing objects, skips other event objects, never changes the input', () => {
    const input = body();
    const out = applyBodyOverrides(
      input,
      set('orderEvent.new.deep=1', 'shipment.id=x', 'meta.messageId=m'),
      schema,
    );
    assert.deepEqual((out.orderEvent as Record<string, unknown>).new, { deep: 1 });
    assert.equal('shipment' in out, false);
    assert.deepEqual(out.meta, { messageId: 'm' });
    assert.deepEqual(input, body());
  });
});

describe('--overlay', () => {
  it('merges objects, replaces arrays and scalars, and applies only to bodies with its event object', () => {
    const overlays = [
      { file: 'a.json', body: { orderEvent: { version: 9, lines: [{ position: 'X' }], added: { k: 'v' } } } },
      { file: 'b.json', body: { shipment: { id: 'S' } } },
    ];
    const out = applyBodyOverrides(body(), { overlays, sets: [] }, schema);
    assert.deepEqual(out, {
      eventName: 'OrderIssuedByBuyer',
      orderEvent: { version: 9, lines: [{ position: 'X' }], added: { k: 'v' } },
    });
  });

  it('--set applies after the overlay', () => {
    const overlays = [{ file: 'a.json', body: { orderEvent: { version: 9 } } }];
    const out = applyBodyOverrides(
      body(),
      { overlays, sets: [parseSetOverride('orderEvent.version=10')] },
      schema,
    );
    assert.equal((out.orderEvent as { version: number }).version, 10);
  });
});
