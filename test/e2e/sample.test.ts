import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EVENT_CATALOG, type WebhookType } from '../../src/core/payload/events.js';
import { generatePayload } from '../../src/core/payload/generate.js';
import { renderBody } from '../../src/core/payload/render-body.js';
import { runMain } from '../helpers/run-main.js';

const TYPES = Object.keys(EVENT_CATALOG) as WebhookType[];
const FORMATS = ['json', 'txml'] as const;

/** What `sample --seed` must print: the rendered body, ending in one newline. */
async function expectedOutput(type: WebhookType, event: string, format: 'json' | 'txml', seed: number) {
  const { text } = await renderBody(generatePayload({ type, event, seed, now: new Date() }), type, format);
  return text.endsWith('\n') ? text : `${text}\n`;
}

describe('tc-webhook sample', () => {
  it('prints an OrderIssuedByBuyer body by default and nothing else', async () => {
    const r = await runMain(['sample']);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    const body = JSON.parse(r.stdout) as { eventName: string; orderEvent: { lines: unknown[] } };
    assert.equal(body.eventName, 'OrderIssuedByBuyer');
    assert.equal(body.orderEvent.lines.length, 3);
  });

  it('the same seed prints the same bytes; without a seed every run is fresh', async () => {
    const args = ['sample', '--event', 'OrderChangesProposedBySupplier'];
    const [a, b, c, d] = await Promise.all([
      runMain([...args, '--seed', '7']),
      runMain([...args, '--seed', '7']),
      runMain(args),
      runMain(args),
    ]);
    assert.equal(a.code, 0);
    assert.equal(a.stdout, b.stdout);
    assert.equal(a.stdout, await expectedOutput('order', 'OrderChangesProposedBySupplier', 'json', 7));
    assert.notEqual(c.stdout, d.stdout);
    assert.notEqual(c.stdout, a.stdout);
  });

  it('prints every type, in JSON and tXML, exactly as the generator renders it', async () => {
    const cases = TYPES.map((type, i) => ({
      type,
      format: FORMATS[i % 2]!,
      event: EVENT_CATALOG[type].at(-1)!,
    }));
    const runs = await Promise.all(
      cases.map(({ type, format, event }) =>
        runMain(['sample', '--type', type, '--event', event, '--format', format, '--seed', '1']),
      ),
    );
    for (const [i, { type, format, event }] of cases.entries()) {
      const r = runs[i]!;
      assert.equal(r.code, 0, `${type} ${format}: ${r.stderr}`);
      assert.equal(r.stdout, await expectedOutput(type, event, format, 1), `${type} ${format}`);
      if (format === 'txml')
        assert.match(r.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<WebhookBody>/);
    }
  });

  it('notes on stderr, never in the body, that order-documents samples are reconstructed', async () => {
    const r = await runMain(['sample', '--type', 'order-documents']);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /^note: the orderDocumentsEvent structure is reconstructed/);
    const body = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body), ['eventName', 'orderDocumentsEvent']);
    const shipment = await runMain(['sample', '--type', 'shipment', '--format', 'txml']);
    assert.match(shipment.stderr, /^note: Tradecloud documents the shipment webhook as JSON only/);
  });

  it('an unknown event is a usage error (exit 2) naming the closest event', async () => {
    const r = await runMain(['sample', '--event', 'OrderIssuedByBuyr']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      'tc-webhook: unknown event "OrderIssuedByBuyr". Did you mean OrderIssuedByBuyer? ' +
        'Run tc-webhook sample --help to list the event names of each type\n',
    );
  });

  it('an event of another type is a usage error (exit 2) that names its type', async () => {
    const r = await runMain(['sample', '--type', 'shipment', '--event', 'OrderResentByBuyer']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(
      r.stderr,
      /^tc-webhook: event "OrderResentByBuyer" is an order event, not a shipment event\./,
    );
    assert.match(r.stderr, /ShipmentResentByBuyer/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });

  it('an unknown type or a bad seed is a usage error (exit 2)', async () => {
    const [type, seed] = await Promise.all([
      runMain(['sample', '--type', 'invoice']),
      runMain(['sample', '--seed', 'abc']),
    ]);
    assert.equal(type.code, 2);
    assert.match(type.stderr, /Allowed choices are order, single-delivery, order-documents, shipment/);
    assert.equal(seed.code, 2);
    assert.match(seed.stderr, /--seed must be a whole number/);
    assert.equal(type.stdout + seed.stdout, '');
  });

  it('--help lists the event names of each type', async () => {
    const r = await runMain(['sample', '--help']);
    assert.equal(r.code, 0);
    for (const event of Object.values(EVENT_CATALOG).flat())
      assert.match(r.stdout, new RegExp(`^  ${event}$`, 'm'));
  });
});

describe('every sample validates against the bundled schemas', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tc-webhook-samples-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('all events of all types, JSON and tXML: valid under --strict, without a single warning', async () => {
    let count = 0;
    for (const type of TYPES) {
      for (const event of EVENT_CATALOG[type]) {
        for (const format of FORMATS) {
          // Tradecloud sends shipments as JSON only; validate says so about a shipment in tXML (below).
          if (type === 'shipment' && format === 'txml') continue;
          const text = await expectedOutput(type, event, format, 1);
          await writeFile(join(dir, `${type}-${event}.${format === 'json' ? 'json' : 'xml'}`), text);
          count += 1;
        }
      }
    }
    for (const args of [[], ['--strict']]) {
      const r = await runMain(['validate', dir, '--json', ...args]);
      assert.equal(r.code, 0, r.stdout.slice(0, 2000) + r.stderr);
      const report = JSON.parse(r.stdout) as {
        ok: boolean;
        files: { file: string; valid: boolean; warnings: unknown[] }[];
        summary: { files: number; valid: number };
      };
      assert.equal(report.ok, true);
      assert.equal(report.summary.files, count);
      assert.equal(report.summary.valid, count);
      const warned = report.files.filter((f) => f.warnings.length > 0).map((f) => f.file);
      assert.deepEqual(warned, []);
    }
  });

  it('a shipment sample in tXML is valid, with the one warning that Tradecloud sends shipments as JSON', async () => {
    const file = join(dir, 'shipment.xml');
    await writeFile(file, await expectedOutput('shipment', 'ShipmentIssuedBySupplier', 'txml', 1));
    const r = await runMain(['validate', file, '--json']);
    assert.equal(r.code, 0);
    const report = JSON.parse(r.stdout) as {
      files: { errors: unknown[]; warnings: { message: string }[] }[];
    };
    assert.deepEqual(report.files[0]!.errors, []);
    assert.deepEqual(
      report.files[0]!.warnings.map((w) => w.message),
      ['a shipment body in tXML: Tradecloud sends shipment webhooks as JSON only'],
    );
  });
});
