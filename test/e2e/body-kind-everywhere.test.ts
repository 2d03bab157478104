import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { ValidateReport } from '../../src/commands/validate.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const order = JSON.parse(readFileSync(join(ROOT, 'fixtures/payloads/valid/order-event.json'), 'utf8')) as {
  orderEvent: unknown;
};

/** `validate --type auto` and `send-sample --file` decide a body's webhook from the same table. */
describe('the webhook of a body is decided the same by validate and send-sample --file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tc-webhook-body-kind-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const bodies: Record<string, [object, 'order' | 'shipment']> = {
    'a-order.json': [{ eventName: 'OrderIssuedByBuyer', orderEvent: order.orderEvent }, 'order'],
    'b-single.json': [
      { eventName: 'OrderIssuedByBuyer', singleDeliveryOrderEvent: order.orderEvent },
      'order',
    ],
    'c-documents.json': [{ eventName: 'OrderDocumentsAttachedByBuyer', orderDocumentsEvent: {} }, 'order'],
    'd-shipment.json': [{ eventName: 'ShipmentIssuedBySupplier', shipment: {} }, 'shipment'],
    'e-retired.json': [{ eventName: 'OrderIssuedByBuyer', simpleOrderEvent: order.orderEvent }, 'order'],
    'f-both.json': [{ eventName: 'OrderIssuedByBuyer', shipment: {}, orderEvent: order.orderEvent }, 'order'],
  };
  for (const [name, [body]] of Object.entries(bodies)) writeFileSync(join(dir, name), JSON.stringify(body));

  it('each body: validate --type auto reports the kind send-sample --file infers', async () => {
    const validate = await runCli(['validate', '--json', '--type', 'auto', '.'], { cwd: dir });
    const send = await runCli(
      ['send-sample', 'https://127.0.0.1:9/hook', '--dry-run', '--json', '--file', '.'],
      {
        cwd: dir,
      },
    );
    assert.equal(send.code, 0, send.stderr);
    const validated = (JSON.parse(validate.stdout) as ValidateReport).files;
    const sent = (JSON.parse(send.stdout) as { requests: { file: string; type: string | null }[] }).requests;
    const kindOfType = (type: string | null) =>
      type === null ? null : type === 'shipment' ? 'shipment' : 'order';
    assert.deepEqual(
      sent.map((r) => [r.file, kindOfType(r.type)]),
      Object.entries(bodies).map(([name, [, kind]]) => [name, kind]),
    );
    assert.deepEqual(
      validated.map((f) => [f.file, f.type]),
      Object.entries(bodies).map(([name, [, kind]]) => [name, kind]),
    );
  });

  it('the format too: content first, extension as tie-breaker, the same for both commands', async () => {
    const mixed = mkdtempSync(join(tmpdir(), 'tc-webhook-format-'));
    try {
      const xml = readFileSync(join(ROOT, 'fixtures/payloads/valid/order-event.xml'), 'utf8');
      const json = readFileSync(join(ROOT, 'fixtures/payloads/valid/order-event.json'), 'utf8');
      writeFileSync(join(mixed, 'a-xml-named-json.json'), xml);
      writeFileSync(join(mixed, 'b-json-named-xml.xml'), json);
      const validate = await runCli(['validate', '--json', '.'], { cwd: mixed });
      const send = await runCli(
        ['send-sample', 'https://127.0.0.1:9/hook', '--dry-run', '--json', '--file', '.'],
        {
          cwd: mixed,
        },
      );
      assert.equal(send.code, 0, send.stderr);
      const validated = (JSON.parse(validate.stdout) as ValidateReport).files;
      const sent = (JSON.parse(send.stdout) as { requests: { file: string; format: string; type: string }[] })
        .requests;
      const expected = [
        ['a-xml-named-json.json', 'txml'],
        ['b-json-named-xml.xml', 'json'],
      ];
      assert.deepEqual(
        validated.map((f) => [f.file, f.format]),
        expected,
      );
      assert.deepEqual(
        sent.map((r) => [r.file, r.format]),
        expected,
      );
      assert.deepEqual(
        sent.map((r) => r.type),
        ['order', 'order'],
      );
    } finally {
      rmSync(mixed, { recursive: true, force: true });
    }
  });

  it('a broken file: send-sample --file warns in the words validate reports it with, at the same place', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'tc-webhook-broken-'));
    try {
      writeFileSync(join(broken, 'a.json'), '{\n  "eventName": "OrderIssuedByBuyer",\n  "orderEvent": {,\n}');
      writeFileSync(
        join(broken, 'b.xml'),
        '<WebhookBody>\n  <eventName>X</eventName>\n  <orderEvent></order>\n</WebhookBody>',
      );
      writeFileSync(join(broken, 'c.xml'), '<!DOCTYPE x [<!ENTITY a "b">]>\n<WebhookBody/>');
      const validate = await runCli(['validate', '--json', '.'], { cwd: broken });
      const send = await runCli(
        ['send-sample', 'https://127.0.0.1:9/hook', '--dry-run', '--json', '--file', '.'],
        {
          cwd: broken,
        },
      );
      assert.equal(send.code, 0, send.stderr);
      const warnings = (JSON.parse(send.stdout) as { warnings: string[] }).warnings;
      const files = (JSON.parse(validate.stdout) as ValidateReport).files;
      assert.equal(files.length, 3);
      for (const f of files) {
        const error = f.errors[0]!;
        assert.ok(error.line !== undefined, JSON.stringify(error));
        const expected = `${f.file}: ${error.message} at line ${error.line}, column ${error.column}; sending it anyway`;
        assert.ok(warnings.includes(expected), `${expected}\nnot in\n${warnings.join('\n')}`);
      }
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
