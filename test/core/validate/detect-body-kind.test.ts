import assert from 'node:assert/strict';
import { it } from 'node:test';
import { detectBodyKind } from '../../../src/core/validate/detect-body-kind.js';

it('detectBodyKind reads the webhook from the top-level fields', () => {
  assert.deepEqual(detectBodyKind({ eventName: 'x', orderEvent: {} }), { kind: 'order' });
  assert.deepEqual(detectBodyKind({ singleDeliveryOrderEvent: {} }), { kind: 'order' });
  assert.deepEqual(detectBodyKind({ orderDocumentsEvent: {} }), { kind: 'order' });
  assert.deepEqual(detectBodyKind({ shipment: {}, meta: {} }), { kind: 'shipment' });
  const neither = detectBodyKind({ eventName: 'x', order: {} }) as { problem: string };
  assert.match(
    neither.problem,
    /^neither an order nor a shipment webhook body: found top-level fields "eventName", "order"; expected "orderEvent"/,
  );
  assert.match(
    (detectBodyKind([1]) as { problem: string }).problem,
    /a webhook body is a JSON object, found an array of 1/,
  );
});
