import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ROOT, runCli } from '../helpers/run-cli.js';

describe('tc-webhook schema', () => {
  it('prints the bundled OpenAPI document as shipped by default', async () => {
    const r = await runCli(['schema']);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, readFileSync(`${ROOT}/src/schemas/order-webhook.yaml`, 'utf8'));
    const shipment = await runCli(['schema', '--type', 'shipment', '--format', 'openapi']);
    assert.equal(shipment.stdout, readFileSync(`${ROOT}/src/schemas/shipment-webhook.yaml`, 'utf8'));
  });

  it('--format json-schema prints one draft 2020-12 document that says it is reconstructed', async () => {
    const r = await runCli(['schema', '--type', 'shipment', '--format', 'json-schema']);
    assert.equal(r.code, 0);
    const schema = JSON.parse(r.stdout) as { $schema: string; description: string; $defs: object };
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.match(schema.description, /Reconstructed from Tradecloud's public documentation/);
    assert.ok('Shipment' in schema.$defs);
  });

  it('--format typescript prints the declarations generated at build time', async () => {
    const r = await runCli(['schema', '--format', 'typescript']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^export type OrderWebhookBody = /m);
  });

  it('an unknown --type or --format is a usage error (exit 2)', async () => {
    for (const args of [
      ['--type', 'invoice'],
      ['--format', 'xsd'],
    ]) {
      const r = await runCli(['schema', ...args]);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(
        r.stderr,
        /^tc-webhook: option '--(type|format) <(type|format)>' argument '\w+' is invalid\. Allowed choices are /,
      );
    }
  });
});
