import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { ROOT } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- reports are walked as plain JSON here */
type Obj = Record<string, any>;

const CA = ['--ca', ROOT_CA_FILE, '--timeout', '5000'];
const doc = (name: string) => readFileSync(`${ROOT}docs/${name}`, 'utf8');

/** A loopback port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('one voice across commands', () => {
  let receiver: Receiver;
  let flaky: Receiver;
  before(async () => {
    receiver = await startReceiver({});
    // Every other answer is 503: each request is delivered on its second attempt.
    flaky = await startReceiver({
      respond: (_r, n) => ({ status: n % 2 === 0 ? 503 : 200, body: '{}' }),
    });
  });
  after(async () => {
    await Promise.all([receiver.close(), flaky.close()]);
  });

  it('send-sample: --event takes a comma list, --events is the same flag; each name goes to its own type', async () => {
    for (const flags of [
      ['--event', 'OrderIssuedByBuyer,ShipmentIssuedBySupplier'],
      ['--events', 'OrderIssuedByBuyer', '--event', 'ShipmentIssuedBySupplier'],
    ]) {
      const run = await runMain(['send-sample', receiver.url, ...CA, ...flags, '--json']);
      assert.equal(run.code, 0, run.stderr);
      const report = JSON.parse(run.stdout) as Obj;
      assert.deepEqual(report.requests.map((r: Obj) => [r.event, r.type]).sort(), [
        ['OrderIssuedByBuyer', 'order'],
        ['ShipmentIssuedBySupplier', 'shipment'],
      ]);
    }
  });

  it('sample prints one payload and says so when given several', async () => {
    const run = await runMain([
      'sample',
      '--seed',
      '1',
      '--events',
      'OrderIssuedByBuyer,ShipmentIssuedBySupplier',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as Obj).eventName, 'OrderIssuedByBuyer');
    assert.match(
      run.stderr,
      /^note: sample prints one payload: OrderIssuedByBuyer, not ShipmentIssuedBySupplier\. /m,
    );
    const typo = await runMain(['sample', '--event', 'OrderIssuedByBuyer,ShipmentIssuedBySuplier']);
    assert.equal(typo.code, 2);
    assert.match(
      typo.stderr,
      /unknown event "ShipmentIssuedBySuplier"\. Did you mean ShipmentIssuedBySupplier/,
    );
  });

  it('doctor infers the webhook type from the event names; --event and --events are one flag', async () => {
    for (const flag of ['--event', '--events']) {
      const before = receiver.requests.length;
      const run = await runMain([
        'doctor',
        receiver.url,
        ...CA,
        '--yes',
        flag,
        'ShipmentIssuedBySupplier',
        '--json',
      ]);
      assert.notEqual(run.code, 2, run.stderr);
      assert.doesNotMatch(run.stderr, /--type/);
      const report = JSON.parse(run.stdout) as Obj;
      assert.deepEqual(report.types, ['shipment']);
      const sent = receiver.requests.slice(before).map((r) => JSON.parse(r.body || '{}') as Obj);
      assert.ok(sent.some((b) => b.eventName === 'ShipmentIssuedBySupplier' && b.shipment));
      // Every check id doctor reports is documented.
      const checks = doc('doctor-checks.md');
      for (const { id } of report.checks as Obj[]) {
        const documented = id.startsWith('delivery.') ? '`delivery.<type>`' : `\`${id}\``;
        assert.ok(checks.includes(`### ${documented}`), `${id} is documented in docs/doctor-checks.md`);
      }
      // One event: "1 event", never "1 events".
      assert.match(run.stderr, / 1 event, 1 invalid payload, /);
    }
  });

  it('check-tls: every check id is documented in docs/', async () => {
    const run = await runMain(['check-tls', receiver.origin, '--ca', ROOT_CA_FILE, '--json']);
    const report = JSON.parse(run.stdout) as Obj;
    const checks = doc('check-tls-checks.md');
    assert.equal(report.checks.length, 11);
    for (const { id } of report.checks as Obj[]) {
      assert.ok(checks.includes(`| \`${id}\` |`), `${id} is documented in docs/check-tls-checks.md`);
    }
  });

  it('a refused connection reads the same in every command, never as a raw code', async () => {
    const port = await closedPort();
    const runs = await Promise.all([
      runMain(['check-tls', `https://127.0.0.1:${port}/`, '--timeout', '3000']),
      runMain(['send-sample', `https://127.0.0.1:${port}/`, '--timeout', '3000']),
      runMain(['doctor', `https://127.0.0.1:${port}/`, '--yes', '--timeout', '3000']),
      runMain(['validate', '-', '--spec', `https://127.0.0.1:${port}/spec.yaml`, '--timeout', '3000'], {
        stdin: '{}',
      }),
    ]);
    for (const run of runs) {
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.match(run.stderr, /: connection refused/);
      assert.doesNotMatch(run.stdout + run.stderr, /ECONNREFUSED/);
    }
  });

  it('singular and plural: one request is "1 HTTP exchange"', async () => {
    const run = await runMain(['send-sample', receiver.url, ...CA, '--event', 'OrderIssuedByBuyer']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /\(status: 200 ×1; 1 HTTP exchange\)/);
  });

  it('a TLS failure in doctor: the fix does not point "below" at findings printed above it', async () => {
    const run = await runMain(['doctor', receiver.url, '--yes', '--timeout', '5000']);
    assert.equal(run.code, 1, run.stderr);
    const lines = run.stdout.split('\n');
    const fix = lines.findIndex((l) => l.includes('fix the TLS findings'));
    const finding = lines.findIndex((l) => /cert\.trusted \(fail\)/.test(l));
    assert.ok(finding >= 0 && fix > finding, run.stdout);
    assert.doesNotMatch(lines[fix]!, /below/);
    assert.match(run.stdout, /Not ready: fix the failed check above \(0 requests sent\)\./);
  });

  it('a burst with retries: per-request latency (retries included) apart from per-attempt latency', async () => {
    const args = ['send-sample', flaky.url, ...CA, '--count', '4', '--retry', '--retry-base-ms', '0'];
    const run = await runMain(args);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^latency per request \(retries included\) {2}min [\d.]+ ms · median/m);
    assert.match(run.stdout, /^latency per attempt {21}min [\d.]+ ms · median/m);
    const json = JSON.parse((await runMain([...args, '--json'])).stdout) as Obj;
    assert.equal(json.summary.attempts, 8);
    assert.equal(json.summary.requestLatencySamples, 4);
    assert.equal(json.summary.latencySamples, 8);
    assert.ok(json.summary.requestLatencyMs.max >= json.summary.latencyMs.min);
  });
});
