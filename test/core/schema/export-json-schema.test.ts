import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, describe, it } from 'node:test';
import { bundledJsonSchema, exportBundledSchema } from '../../../src/core/schema/schema-exports.js';
import { ROOT } from '../../helpers/run-cli.js';

const require = createRequire(import.meta.url);
const run = promisify(execFile);

/** Another validator than tc-webhook's own set-up: ajv's draft 2020-12 class with ajv-formats. */
async function otherValidator(kind: 'order' | 'shipment') {
  const { default: Ajv2020 } = (await import('ajv/dist/2020.js')) as unknown as {
    default: new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } };
  };
  const { default: addFormats } = (await import('ajv-formats')) as unknown as {
    default: (ajv: unknown) => void;
  };
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  return ajv.compile(await bundledJsonSchema(kind));
}

const fixture = (path: string): unknown =>
  JSON.parse(readFileSync(join(ROOT, 'fixtures/payloads', path), 'utf8'));

describe('tc-webhook schema --format json-schema', () => {
  it('is accepted by ajv 2020 with ajv-formats, which accepts the valid fixtures and rejects the invalid ones', async () => {
    const order = await otherValidator('order');
    const shipment = await otherValidator('shipment');
    for (const file of [
      'valid/order-event.json',
      'valid/single-delivery-order-event.json',
      'valid/order-documents-event.json',
      'policy/documented-fields.json',
      'policy/nulls-in-optional-fields.json',
      'policy/nulls-in-delivery-schedule.json',
    ]) {
      assert.equal(order(fixture(file)), true, `${file}: ${JSON.stringify(order.errors)}`);
    }
    assert.equal(shipment(fixture('valid/shipment.json')), true, JSON.stringify(shipment.errors));
    for (const file of [
      'invalid/missing-required-field.json',
      'invalid/wrong-type.json',
      'invalid/bad-date.json',
      'invalid/wrong-enum-value.json',
    ]) {
      assert.equal(order(fixture(file)), false, `${file} must be rejected`);
    }
  });

  it('keeps documented enums, turns vendor extensions into JSON Schema, and gives dates a pattern', async () => {
    /* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- the exported schema is walked as plain JSON */
    const schema = (await bundledJsonSchema('order')) as Record<string, any>;
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.match(schema.description, /Reconstructed from Tradecloud's public documentation/);
    assert.ok(schema.$defs.OrderEventName.enum.includes('OrderIssuedByBuyer'));
    assert.deepEqual(schema.oneOf, [
      { required: ['orderEvent'] },
      { required: ['singleDeliveryOrderEvent'] },
      { required: ['orderDocumentsEvent'] },
    ]);
    const text = JSON.stringify(schema);
    assert.ok(
      !/"x-|"xml"|#\/definitions\//.test(text),
      'no vendor extension, xml object or Swagger $ref left',
    );
    const line = schema.$defs.DeliveryScheduleLine.properties;
    assert.equal(line.date.format, 'date');
    assert.equal(line.date.pattern, '^\\d{4}-\\d{2}-\\d{2}$');
    assert.deepEqual(line.date.type, ['string', 'null']);
    const erp = schema.$defs.BuyerOrder.properties.erpIssueDateTime;
    assert.equal(erp.format, undefined, 'no JSON Schema format means a zone-less date-time');
    assert.match(erp.pattern, /^\^/);
    // A section the bundled YAML cites as "(§N)" is cited with the document that has it.
    assert.ok(text.includes('(docs/webhook-payloads.md §'));
    assert.ok(!/\(§/.test(text), 'no bare section reference left');
  });
});

describe('tc-webhook schema --format typescript', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tcw-types-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('compiles under strict and types a real body', async () => {
    writeFileSync(join(dir, 'order-webhook.ts'), await exportBundledSchema('order', 'typescript'));
    writeFileSync(join(dir, 'shipment-webhook.ts'), await exportBundledSchema('shipment', 'typescript'));
    writeFileSync(
      join(dir, 'use.ts'),
      [
        "import type { OrderWebhookBody } from './order-webhook.js';",
        "import type { ShipmentWebhookBody } from './shipment-webhook.js';",
        `const order: OrderWebhookBody = ${JSON.stringify(fixture('valid/order-event.json'))};`,
        `const shipment: ShipmentWebhookBody = ${JSON.stringify(fixture('valid/shipment.json'))};`,
        'export const positions = order.orderEvent?.lines?.map((l) => l.buyerLine?.position);',
        'export const id: string = shipment.shipment.id;',
        '',
      ].join('\n'),
    );
    const tsc = require.resolve('typescript/bin/tsc');
    const args = ['--strict', '--noEmit', '--module', 'nodenext', '--target', 'es2022', '--skipLibCheck'];
    const result = await run(process.execPath, [tsc, ...args, join(dir, 'use.ts')]).catch(
      (error: { stdout?: string; code?: number }) => error,
    );
    assert.equal((result as { code?: number }).code ?? 0, 0, result.stdout);
  });
});
