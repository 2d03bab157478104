import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import { fromTxml, toTxml, type JsonSchema } from '../../../src/core/txml/index.js';
import { ROOT } from '../../helpers/run-cli.js';
import { loadBundledSchemas } from './bundled-schemas.js';

const VALID = `${ROOT}/fixtures/payloads/valid`;
const jsonFixtures = (await readdir(VALID)).filter((file) => file.endsWith('.json')).sort();
/** Tradecloud sends shipments as JSON only, so the shipment's tXML twin is a policy fixture. */
const twinOf = (file: string) =>
  file === 'shipment.json'
    ? `${ROOT}/fixtures/payloads/policy/shipment-in-txml.xml`
    : `${VALID}/${file.replace(/\.json$/, '.xml')}`;

describe('JSON <-> tXML round trip over the valid fixtures', () => {
  let schemas: { order: JsonSchema; shipment: JsonSchema };
  before(async () => (schemas = await loadBundledSchemas()));

  const schemaFor = (file: string) => (file.startsWith('shipment') ? schemas.shipment : schemas.order);

  it('has a fixture for every body shape', () => {
    assert.deepEqual(jsonFixtures, [
      'order-documents-event.json',
      'order-event.json',
      'shipment.json',
      'single-delivery-order-event.json',
    ]);
  });

  for (const file of jsonFixtures) {
    it(`${file}: fromTxml(toTxml(x)) deep-equals x`, async () => {
      const body: unknown = JSON.parse(await readFile(`${VALID}/${file}`, 'utf8'));
      const back = fromTxml(toTxml(body, schemaFor(file)), schemaFor(file));
      assert.equal(back.rootName, 'WebhookBody');
      assert.deepStrictEqual(back.value, body);
    });

    it(`${file}: the committed .xml twin is what toTxml writes and reads back to the JSON`, async () => {
      const body: unknown = JSON.parse(await readFile(`${VALID}/${file}`, 'utf8'));
      const xml = await readFile(twinOf(file), 'utf8');
      assert.equal(xml, toTxml(body, schemaFor(file)));
      assert.deepStrictEqual(fromTxml(xml, schemaFor(file)).value, body);
    });
  }

  it('converts a multi-megabyte order both ways', async () => {
    const body = JSON.parse(await readFile(`${VALID}/order-event.json`, 'utf8')) as {
      orderEvent: { lines: unknown[] };
    };
    const [first, second] = body.orderEvent.lines;
    body.orderEvent.lines = Array.from({ length: 300 }, (_, i) => (i % 2 ? second : first));
    const xml = toTxml(body, schemas.order);
    assert.ok(xml.length > 2_000_000, `only ${xml.length} characters`);
    assert.deepStrictEqual(fromTxml(xml, schemas.order).value, body);
  });
});
