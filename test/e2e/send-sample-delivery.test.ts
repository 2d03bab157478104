import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

interface Report {
  ok: boolean;
  requests: Array<{
    index: number;
    event: string;
    type: string | null;
    format: string;
    file?: string;
    status: number | null;
    attempts: number;
    outcome: string;
    responseBody: string;
    note?: string;
    location?: string;
  }>;
  requestsOmitted: number;
  summary: {
    sent: number;
    delivered: number;
    failed: number;
    attempts: number;
    byStatus: Record<string, number>;
    latencyMs: { min: number; median: number; p95: number; max: number };
  };
}

const CA = ['--ca', ROOT_CA_FILE];

describe('send-sample delivery and Tradecloud retry policy (real HTTPS receiver)', () => {
  const receivers: Receiver[] = [];
  const receiver = async (options: Parameters<typeof startReceiver>[0]) => {
    const r = await startReceiver(options);
    receivers.push(r);
    return r;
  };
  const dir = mkdtempSync(join(tmpdir(), 'tc-send-'));
  after(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    rmSync(dir, { recursive: true, force: true });
  });
  const send = async (url: string, args: string[]) => {
    const run = await runCli(['send-sample', url, ...CA, '--json', ...args]);
    return { run, report: JSON.parse(run.stdout || '{}') as Report };
  };

  it('--retry: 503, 503, 200 is delivered on the third attempt', async () => {
    const r = await receiver({ statuses: [503, 503, 200] });
    const { run, report } = await send(r.url, ['--retry', '--retry-base-ms', '10']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(report.requests[0]!.outcome, 'retried-then-delivered');
    assert.equal(report.requests[0]!.attempts, 3);
    assert.equal(report.requests[0]!.status, 200);
    assert.equal(r.requests.length, 3);
  });

  it('--retry gives up after --max-retries; without --retry a 503 fails once with a note', async () => {
    const r = await receiver({ statuses: [503] });
    const gaveUp = await send(r.url, ['--retry', '--retry-base-ms', '1', '--max-retries', '2']);
    assert.equal(gaveUp.run.code, 1);
    assert.equal(gaveUp.report.requests[0]!.outcome, 'gave-up');
    assert.equal(gaveUp.report.requests[0]!.attempts, 3);
    const once = await send(r.url, []);
    assert.equal(once.run.code, 1);
    assert.equal(once.report.requests[0]!.outcome, 'failed');
    assert.match(once.report.requests[0]!.note!, /Tradecloud would retry this/);
    assert.equal(r.requests.length, 4);
  });

  for (const status of [400, 500]) {
    it(`${status} is not retried, even with --retry (one request, attempts 1, exit 1)`, async () => {
      const r = await receiver({ statuses: [status, 200] });
      const { run, report } = await send(r.url, ['--retry', '--retry-base-ms', '1']);
      assert.equal(run.code, 1);
      assert.equal(report.requests[0]!.outcome, 'rejected');
      assert.equal(report.requests[0]!.attempts, 1);
      assert.equal(r.requests.length, 1);
      if (status === 500) assert.match(report.requests[0]!.note!, /will not retry it; answer 502 or 503/);
    });
  }

  it('tXML: Content-Type application/xml and a body the converter reads back', async () => {
    const r = await receiver({});
    const { run, report } = await send(r.url, ['--event', 'OrderIssuedByBuyer', '--format', 'txml']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(report.requests[0]!.format, 'txml');
    assert.equal(r.requests[0]!.headers['content-type'], 'application/xml');
    const [{ fromTxml }, { loadBodySchema }] = await Promise.all([
      import('../../src/core/txml/index.js'),
      import('../../src/core/schema/load-body-schema.js'),
    ]);
    const { schema } = await loadBodySchema({ kind: 'order', timeoutMs: 10_000, cwd: ROOT });
    const parsed = fromTxml(r.requests[0]!.body, schema) as {
      value: { eventName?: string; orderEvent?: unknown };
    };
    assert.equal(parsed.value.eventName, 'OrderIssuedByBuyer');
    assert.ok(parsed.value.orderEvent);
  });

  it('--all sends one request per event of the type, in order', async () => {
    const r = await receiver({});
    const { run, report } = await send(r.url, ['--type', 'order-documents', '--all']);
    assert.equal(run.code, 0, run.stderr);
    const { EVENT_CATALOG } = await import('../../src/core/payload/events.js');
    const expected = EVENT_CATALOG['order-documents'];
    assert.equal(r.requests.length, expected.length);
    assert.deepEqual(
      report.requests.map((q) => q.event),
      [...expected],
    );
    assert.deepEqual(
      r.requests.map((q) => (JSON.parse(q.body) as { eventName: string }).eventName).sort(),
      [...expected].sort(),
    );
  });

  it('--file replays stored payloads byte for byte; a non-Tradecloud file is sent with a warning', async () => {
    const stored = '{"eventName":"ShipmentIssuedBySupplier","shipment":{"id":"s-1"}}';
    writeFileSync(join(dir, 'a-shipment.json'), stored);
    writeFileSync(join(dir, 'b-other.json'), '{"hello":"world"}');
    const r = await receiver({});
    const { run, report } = await send(r.url, ['--file', dir]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(
      report.requests.map((q) => [q.event, q.type]),
      [
        ['ShipmentIssuedBySupplier', 'shipment'],
        ['(unknown)', null],
      ],
    );
    assert.equal(r.requests[0]!.body, stored);
    assert.match(run.stderr, /warning: .*b-other\.json is not a Tradecloud payload/);
  });

  it('a redirect is reported with its Location and not followed', async () => {
    const r = await receiver({ respond: () => ({ redirect: 'https://127.0.0.1:9/new-hook', status: 301 }) });
    const { run, report } = await send(r.url, []);
    assert.equal(run.code, 1);
    assert.equal(report.requests[0]!.status, 301);
    assert.equal(report.requests[0]!.outcome, 'rejected');
    assert.equal(report.requests[0]!.location, 'https://127.0.0.1:9/new-hook');
    assert.match(report.requests[0]!.note!, /does not follow redirects; configure the final URL/);
    assert.equal(r.requests.length, 1);
  });

  it('--dry-run prints the request and sends nothing', async () => {
    const r = await receiver({});
    const run = await runCli(['send-sample', r.url, ...CA, '--event', 'OrderIssuedByBuyer', '--dry-run']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`POST ${r.url}`));
    assert.match(run.stdout, /Content-Type: application\/json/);
    assert.equal(r.requests.length, 0);
  });

  it('burst: --count 200 --concurrency 16 tallies every answer by status', async () => {
    // Every tenth request answers 503: 20 failures, 180 deliveries.
    const r = await receiver({
      respond: (_q, n) => ({ status: n % 10 === 9 ? 503 : 200 }),
      recordBodies: false,
    });
    const { run, report } = await send(r.url, ['--count', '200', '--concurrency', '16']);
    assert.equal(run.code, 1);
    assert.equal(r.requests.length, 200);
    assert.equal(report.summary.sent, 200);
    assert.equal(report.summary.delivered, 180);
    assert.equal(report.summary.failed, 20);
    assert.deepEqual(report.summary.byStatus, { 200: 180, 503: 20 });
    assert.equal(report.requests.length + report.requestsOmitted, 200);
    assert.ok(report.requests.length <= 30);
    const { min, median, p95, max } = report.summary.latencyMs;
    assert.ok(min <= median && median <= p95 && p95 <= max);
    // One keep-alive connection per request in flight, each kept for the whole burst.
    assert.equal(r.connections, 16);
  });

  it('a burst smaller than its concurrency opens a connection per request, no more', async () => {
    const r = await receiver({ recordBodies: false });
    const { run, report } = await send(r.url, ['--count', '3', '--concurrency', '8']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(report.summary.delivered, 3);
    assert.equal(r.connections, 3);
  });
});
