import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { singularize } from '../../../src/core/txml/index.js';

describe('singularize', () => {
  it('gives the evidenced tXML item names (docs/webhook-payloads.md §5.3)', () => {
    const evidenced: Record<string, string> = {
      lines: 'line',
      names: 'name',
      addressLines: 'addressLine',
      properties: 'property',
      documents: 'document',
      notes: 'note',
      labels: 'label',
      deliverySchedule: 'deliveryScheduleLine',
      deliveryHistory: 'deliveryHistoryLine',
      chargeLines: 'chargeLine',
      dimensions: 'dimension',
    };
    for (const [array, item] of Object.entries(evidenced)) assert.equal(singularize(array), item, array);
  });

  it('gives the predicted names of the webhook-only arrays', () => {
    assert.equal(singularize('deliveryScheduleIncludingRequests'), 'deliveryScheduleIncludingRequestsLine');
    assert.equal(singularize('invoiceNumbers'), 'invoiceNumber');
    assert.equal(singularize('contacts'), 'contact');
    assert.equal(singularize('loadCarriers'), 'loadCarrier');
    assert.equal(singularize('destinations'), 'destination');
  });

  it('handles other plural forms and leaves non-plurals alone', () => {
    assert.equal(singularize('addresses'), 'address');
    assert.equal(singularize('boxes'), 'box');
    assert.equal(singularize('statuses'), 'status');
    assert.equal(singularize('address'), 'address');
    assert.equal(singularize('status'), 'status');
    assert.equal(singularize('data'), 'data');
    assert.equal(singularize('s'), 's');
  });
});
