import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyKindOf, findBodyField } from '../../../src/core/model/body-fields.js';
import { identifyPayload } from '../../../src/core/requests/payload-request.js';
import { detectBodyKind } from '../../../src/core/validate/detect-body-kind.js';

const BODIES: [string, Record<string, unknown>, 'order' | 'shipment' | undefined][] = [
  ['orderEvent', { eventName: 'OrderIssuedByBuyer', orderEvent: {} }, 'order'],
  ['singleDeliveryOrderEvent', { eventName: 'OrderIssuedByBuyer', singleDeliveryOrderEvent: {} }, 'order'],
  ['orderDocumentsEvent', { eventName: 'OrderDocumentsAttachedByBuyer', orderDocumentsEvent: {} }, 'order'],
  ['shipment', { eventName: 'ShipmentIssuedBySupplier', shipment: {} }, 'shipment'],
  ['the retired simpleOrderEvent', { eventName: 'OrderIssuedByBuyer', simpleOrderEvent: {} }, 'order'],
  ['shipment and orderEvent', { eventName: 'OrderIssuedByBuyer', shipment: {}, orderEvent: {} }, 'order'],
  ['no event object', { eventName: 'OrderIssuedByBuyer', order: {} }, undefined],
];

describe('findBodyField', () => {
  it('names the field and the webhook, current fields before the retired one, order before shipment', () => {
    assert.deepEqual(findBodyField(['eventName', 'singleDeliveryOrderEvent']), {
      field: 'singleDeliveryOrderEvent',
      type: 'single-delivery',
      retired: false,
    });
    assert.deepEqual(findBodyField(['simpleOrderEvent']), {
      field: 'simpleOrderEvent',
      type: 'single-delivery',
      retired: true,
    });
    assert.equal(findBodyField(['shipment', 'orderDocumentsEvent'])?.type, 'order-documents');
    assert.equal(findBodyField(['eventName']), undefined);
  });

  for (const [name, body, kind] of BODIES) {
    it(`validate's body kind and send-sample's replay type agree: ${name}`, () => {
      const detected = detectBodyKind(body);
      const identity = identifyPayload(body);
      assert.equal('kind' in detected ? detected.kind : undefined, kind);
      assert.equal(identity && bodyKindOf(identity.type), kind);
    });
  }
});
