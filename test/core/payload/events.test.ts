import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../../src/errors.js';
import {
  bodyKindOf,
  closestEventNames,
  EVENT_CATALOG,
  selectEvents,
} from '../../../src/core/payload/events.js';
import type { WebhookType } from '../../../src/core/payload/events.js';

const TYPES = Object.keys(EVENT_CATALOG) as WebhookType[];

function usageError(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof UsageError, `expected a UsageError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a UsageError');
}

describe('event catalog', () => {
  it('lists the current Tradecloud events: 43 order, 2 order-documents, 8 shipment', () => {
    assert.equal(EVENT_CATALOG.order.length, 43);
    assert.deepEqual(EVENT_CATALOG['single-delivery'], EVENT_CATALOG.order);
    assert.deepEqual(EVENT_CATALOG['order-documents'], [
      'OrderDocumentsAttachedByBuyer',
      'OrderDocumentsAttachedBySupplier',
    ]);
    assert.equal(EVENT_CATALOG.shipment.length, 8);
    const all = [...EVENT_CATALOG.order, ...EVENT_CATALOG['order-documents'], ...EVENT_CATALOG.shipment];
    assert.equal(new Set(all).size, all.length, 'no name twice');
    assert.equal(EVENT_CATALOG.order[0], 'OrderIssuedByBuyer');
    assert.equal(EVENT_CATALOG.shipment[0], 'ShipmentIssuedBySupplier');
  });

  it('leaves out the tolerated legacy names, which cannot be enabled in the portal', () => {
    for (const legacy of [
      'OrderSynced',
      'OrderLinesItemDetailsChangedBySupplier',
      'ShipmentDespatchedBySupplier',
    ]) {
      assert.ok(!Object.values(EVENT_CATALOG).flat().includes(legacy));
    }
  });

  it('maps each type to its webhook', () => {
    assert.deepEqual(
      TYPES.map((t) => bodyKindOf(t)),
      ['order', 'order', 'order', 'shipment'],
    );
  });
});

describe('selectEvents', () => {
  it('selects every event of every type, with and without --type', () => {
    for (const type of TYPES) {
      for (const event of EVENT_CATALOG[type]) {
        assert.deepEqual(selectEvents({ type, event }), { type, events: [event] });
        const inferred = selectEvents({ event });
        assert.deepEqual(inferred.events, [event]);
        assert.equal(inferred.type, type === 'single-delivery' ? 'order' : type);
      }
    }
  });

  it('defaults to the order type and its first event', () => {
    assert.deepEqual(selectEvents({}), { type: 'order', events: ['OrderIssuedByBuyer'] });
    assert.deepEqual(selectEvents({ type: 'shipment' }), {
      type: 'shipment',
      events: ['ShipmentIssuedBySupplier'],
    });
  });

  it('--all gives every event of the type, in catalog order', () => {
    assert.deepEqual(selectEvents({ type: 'single-delivery', all: true }).events, [...EVENT_CATALOG.order]);
    assert.deepEqual(selectEvents({ all: true }).type, 'order');
    assert.deepEqual(selectEvents({ type: 'shipment', all: true }).events, [...EVENT_CATALOG.shipment]);
  });

  it('an unknown event names the closest valid event', () => {
    const error = usageError(() => selectEvents({ event: 'OrderIssuedByBuyr' }));
    assert.match(error.message, /^unknown event "OrderIssuedByBuyr"\. Did you mean OrderIssuedByBuyer\? /);
    assert.match(error.message, /tc-webhook sample --help/);
  });

  it('matches case-insensitively and offers several names when several are close', () => {
    assert.match(
      usageError(() => selectEvents({ event: 'orderissuedbybuyer' })).message,
      /Did you mean OrderIssuedByBuyer\?/,
    );
    const error = usageError(() => selectEvents({ event: 'OrderLinesReopenRequestApprovedBy' }));
    assert.match(error.message, /OrderLinesReopenRequestApprovedByBuyer/);
    assert.match(error.message, /OrderLinesReopenRequestApprovedBySupplier/);
  });

  it('an unknown event with --type suggests only events of that type', () => {
    const error = usageError(() => selectEvents({ type: 'shipment', event: 'ShipmentAprovedByBuyer' }));
    assert.match(error.message, /Did you mean ShipmentApprovedByBuyer\?/);
  });

  it('an event of another type says which type it belongs to and lists close events of the asked type', () => {
    const error = usageError(() => selectEvents({ type: 'shipment', event: 'OrderResentByBuyer' }));
    assert.match(error.message, /"OrderResentByBuyer" is an order event, not a shipment event/);
    assert.match(error.message, /--type order/);
    assert.match(error.message, /ShipmentResentByBuyer/);
    const docs = usageError(() =>
      selectEvents({ type: 'single-delivery', event: 'OrderDocumentsAttachedByBuyer' }),
    );
    assert.match(docs.message, /is an order-documents event, not a single-delivery event/);
  });

  it('--all with --event is a usage error', () => {
    assert.match(
      usageError(() => selectEvents({ event: 'OrderIssuedByBuyer', all: true })).message,
      /--all and --event/,
    );
  });

  it('closestEventNames falls back to the three nearest names when none is a slip', () => {
    assert.equal(closestEventNames('zzzz', EVENT_CATALOG.shipment).length, 3);
    assert.equal(
      closestEventNames('ShipmentResentByBuyer', EVENT_CATALOG.shipment)[0],
      'ShipmentResentByBuyer',
    );
  });
});
