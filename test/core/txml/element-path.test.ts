import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { fromTxml, type JsonSchema } from '../../../src/core/txml/index.js';
import { loadBundledSchemas } from './bundled-schemas.js';

describe('FromTxmlResult.elementPath', () => {
  let order: JsonSchema;
  before(async () => ({ order } = await loadBundledSchemas()));

  const xml = `<WebhookBody>
  <eventName>OrderIssuedByBuyer</eventName>
  <orderEvent>
    <line><id>a</id><buyerLine><position>0001</position></buyerLine></line>
    <orderId>o</orderId>
    <line>
      <id>b</id>
      <buyerLine>
        <deliveryScheduleLine><date>2026-01-01</date></deliveryScheduleLine>
        <deliveryScheduleLine><date>2026-13-45</date></deliveryScheduleLine>
      </buyerLine>
      <deliveryScheduleIncludingRequests>
        <deliveryScheduleLine><quantity>1</quantity></deliveryScheduleLine>
      </deliveryScheduleIncludingRequests>
    </line>
    <future>x</future><future>y</future>
  </orderEvent>
</WebhookBody>`;

  it('maps JSON pointers to element paths with 1-based positions of the item elements', () => {
    const { elementPath } = fromTxml(xml, order);
    assert.equal(elementPath(''), '/WebhookBody');
    assert.equal(elementPath('/orderEvent'), '/WebhookBody/orderEvent');
    assert.equal(
      elementPath('/orderEvent/lines/0/buyerLine/position'),
      '/WebhookBody/orderEvent/line[1]/buyerLine/position',
    );
    assert.equal(
      elementPath('/orderEvent/lines/1/buyerLine/deliverySchedule/1/date'),
      '/WebhookBody/orderEvent/line[2]/buyerLine/deliveryScheduleLine[2]/date',
    );
  });

  it('shows wrappers, aliases and repeated unknown elements as they were written', () => {
    const { elementPath } = fromTxml(xml, order);
    assert.equal(
      elementPath('/orderEvent/lines/1/deliveryScheduleIncludingRequests/0/quantity'),
      '/WebhookBody/orderEvent/line[2]/deliveryScheduleIncludingRequests[1]/deliveryScheduleLine[1]/quantity',
    );
    assert.equal(elementPath('/orderEvent/future/1'), '/WebhookBody/orderEvent/future[2]');
  });

  it('names the item elements for a pointer to the array itself', () => {
    const { elementPath } = fromTxml(xml, order);
    assert.equal(elementPath('/orderEvent/lines'), '/WebhookBody/orderEvent/line');
  });

  it('maps pointers to members that are missing, and beyond the items read', () => {
    const { elementPath } = fromTxml(xml, order);
    assert.equal(
      elementPath('/orderEvent/lines/0/supplierLine'),
      '/WebhookBody/orderEvent/line[1]/supplierLine',
    );
    assert.equal(elementPath('/orderEvent/lines/5/id'), '/WebhookBody/orderEvent/line[6]/id');
  });

  it('unescapes ~0 and ~1 in pointer segments', () => {
    const { elementPath } = fromTxml('<R><a/></R>', undefined);
    assert.equal(elementPath('/a~1b/c~0d'), '/R/a/b/c~d');
  });
});
