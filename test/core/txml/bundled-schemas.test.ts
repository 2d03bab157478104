import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { JsonSchema } from '../../../src/core/txml/index.js';
import { readBundledDocuments } from './bundled-schemas.js';

/** The format names the validate engine registers; the bundled documents use no others. */
const FORMATS = new Set(['date', 'date-time', 'local-date-time', 'time', 'uuid', 'email', 'uri']);

type Visit = (node: JsonSchema, path: string) => void;

function walk(node: unknown, path: string, visit: Visit): void {
  if (Array.isArray(node)) node.forEach((entry, i) => walk(entry, `${path}/${i}`, visit));
  else if (node !== null && typeof node === 'object') {
    visit(node as JsonSchema, path);
    for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`, visit);
  }
}

describe('bundled webhook schemas (the converter relies on their xml names)', () => {
  let documents: Record<string, JsonSchema>;
  before(async () => (documents = await readBundledDocuments()));

  it('are Swagger 2.0 documents that say they are reconstructed', () => {
    for (const [file, document] of Object.entries(documents)) {
      assert.equal(document.swagger, '2.0', file);
      const info = document.info as Record<string, string>;
      assert.match(info.description!, /reconstructed/, file);
      assert.match(info.description!, /2026-11-27/, file);
      assert.match(info.description!, /--spec/, file);
    }
  });

  it('name the body WebhookBody and give every array item an element name', () => {
    for (const [file, document] of Object.entries(documents)) {
      const definitions = document.definitions as Record<string, JsonSchema>;
      const body = file.startsWith('order') ? 'OrderWebhookBody' : 'ShipmentWebhookBody';
      assert.deepEqual(definitions[body]!.xml, { name: 'WebhookBody' }, file);
      walk(document, '', (node, path) => {
        if (node.type !== 'array') return;
        const items = node.items as JsonSchema;
        assert.equal(typeof (items.xml as JsonSchema | undefined)?.name, 'string', `${file}${path}`);
        assert.notEqual((node.xml as JsonSchema | undefined)?.wrapped, true, `${file}${path}`);
      });
    }
  });

  it('never forbid unknown fields and use only the registered formats', () => {
    for (const [file, document] of Object.entries(documents)) {
      walk(document, '', (node, path) => {
        assert.notEqual(node.additionalProperties, false, `${file}${path}`);
        if (typeof node.format === 'string')
          assert.ok(FORMATS.has(node.format), `${file}${path}: ${node.format}`);
      });
    }
  });

  it('list every current and tolerated event name (docs/webhook-payloads.md §2)', () => {
    const enumOf = (file: string, name: string) =>
      ((documents[file]!.definitions as Record<string, JsonSchema>)[name]!.enum as string[]).length;
    assert.equal(enumOf('order-webhook.yaml', 'OrderEventName'), 43 + 3 + 2);
    assert.equal(enumOf('shipment-webhook.yaml', 'ShipmentEventName'), 8);
  });
});
