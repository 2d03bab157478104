import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyKindOf, EVENT_CATALOG, type WebhookType } from '../../../src/core/payload/events.js';
import { generatePayload } from '../../../src/core/payload/generate.js';
import { renderBody } from '../../../src/core/payload/render-body.js';
import { loadBodySchema } from '../../../src/core/schema/load-body-schema.js';
import { fromTxml, toTxml } from '../../../src/core/txml/index.js';

const TYPES = Object.keys(EVENT_CATALOG) as WebhookType[];
const NOW = new Date('2026-03-10T09:30:00.000Z');

describe('renderBody', () => {
  it('json: the body pretty-printed, as application/json', async () => {
    const body = generatePayload({ type: 'order', event: 'OrderIssuedByBuyer', seed: 1, now: NOW });
    const rendered = await renderBody(body, 'order', 'json');
    assert.equal(rendered.contentType, 'application/json');
    assert.equal(rendered.text, JSON.stringify(body, null, 2));
  });

  it('txml: a UTF-8 XML document with the WebhookBody root, as application/xml', async () => {
    const body = generatePayload({
      type: 'single-delivery',
      event: 'OrderLinesAcceptedBySupplier',
      seed: 1,
      now: NOW,
    });
    const rendered = await renderBody(body, 'single-delivery', 'txml');
    assert.equal(rendered.contentType, 'application/xml');
    assert.match(rendered.text, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<WebhookBody>\n/);
    assert.match(rendered.text, /<singleDeliveryOrderEvent>/);
    assert.match(rendered.text, /<line>/);
  });

  it('txml: seeded output is byte-identical', async () => {
    const make = async () =>
      (
        await renderBody(
          generatePayload({ type: 'order', event: 'OrderResentByBuyer', seed: 3, now: NOW }),
          'order',
          'txml',
        )
      ).text;
    assert.equal(await make(), await make());
  });
});

describe('tXML round trip', () => {
  const schemas = new Map<string, ReturnType<typeof loadBodySchema>>();
  const schemaOf = async (type: WebhookType) => {
    const kind = bodyKindOf(type);
    if (!schemas.has(kind)) schemas.set(kind, loadBodySchema({ kind, timeoutMs: 10_000, cwd: '.' }));
    return (await schemas.get(kind)!).schema;
  };
  for (const type of TYPES) {
    it(`${type}: fromTxml(toTxml(body)) gives back every generated body`, async () => {
      const schema = await schemaOf(type);
      for (const event of EVENT_CATALOG[type]) {
        const body = generatePayload({ type, event, now: NOW });
        assert.deepEqual(fromTxml(toTxml(body, schema), schema).value, body, `${type} ${event}`);
      }
    });
  }
});
