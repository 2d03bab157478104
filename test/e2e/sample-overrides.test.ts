import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { runMain } from '../helpers/run-main.js';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return -- the printed payloads are walked as plain JSON here */
type Body = Record<string, any>;

const dir = mkdtempSync(join(tmpdir(), 'tcw-overrides-'));
const overlay = join(dir, 'overlay.json');
writeFileSync(
  overlay,
  JSON.stringify({
    orderEvent: { buyerOrder: { purchaseOrderNumber: 'PO-OVERLAY', notes: ['from the overlay'] } },
  }),
);

describe('--overlay and --set: your data in the samples', () => {
  const receivers: Receiver[] = [];
  after(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('sample: * sets every line, a string field keeps "100" a string, a number field gets a number', async () => {
    const r = await runMain([
      'sample',
      '--seed',
      '3',
      '--set',
      'orderEvent.lines.*.buyerLine.item.number=100',
      '--set',
      'orderEvent.lines.0.deliverySchedule.0.quantity=12.5',
      '--set',
      'orderEvent.buyerOrder.indicators.autoConfirm=true',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const body = JSON.parse(r.stdout) as Body;
    const lines = body.orderEvent.lines as Body[];
    assert.deepEqual(
      lines.map((l) => l.buyerLine.item.number),
      lines.map(() => '100'),
    );
    assert.equal(lines[0]!.deliverySchedule[0].quantity, 12.5);
    assert.equal(body.orderEvent.buyerOrder.indicators.autoConfirm, true);
  });

  it('sample: the overlay is merged first (objects merged, arrays replaced), then --set in order', async () => {
    const r = await runMain([
      'sample',
      '--seed',
      '3',
      '--overlay',
      overlay,
      '--set',
      'orderEvent.buyerOrder.purchaseOrderNumber=PO-1',
      '--set',
      'orderEvent.buyerOrder.purchaseOrderNumber=PO-2',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const body = JSON.parse(r.stdout) as Body;
    assert.equal(body.orderEvent.buyerOrder.purchaseOrderNumber, 'PO-2');
    assert.deepEqual(body.orderEvent.buyerOrder.notes, ['from the overlay']);
    assert.ok(body.orderEvent.buyerOrder.companyId, 'the rest of buyerOrder is kept');
  });

  it('sample: an overlay or --set for another event object changes no body: exit 2, named', async () => {
    for (const override of [
      ['--overlay', overlay],
      ['--set', 'orderEvent.orderId=x'],
    ]) {
      const r = await runMain(['sample', '--type', 'shipment', '--seed', '3', ...override]);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(
        r.stderr,
        new RegExp(
          `^tc-webhook: ${override.join(' ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} changes no body of this run: no body of this run has orderEvent`,
        ),
      );
    }
  });

  it('sample: an override that makes the body invalid is a warning naming the path; the body is printed', async () => {
    const r = await runMain([
      'sample',
      '--seed',
      '3',
      '--set',
      'orderEvent.lines.0.deliverySchedule.0.quantity=lots',
    ]);
    assert.equal(r.code, 0);
    assert.equal(
      r.stderr,
      'warning: after --overlay/--set the body (OrderIssuedByBuyer) is invalid at /orderEvent/lines/0/deliverySchedule/0/quantity: must be a number or null, found the string "lots"\n',
    );
    assert.equal((JSON.parse(r.stdout) as Body).orderEvent.lines[0].deliverySchedule[0].quantity, 'lots');
  });

  it('sample --format txml renders the overridden body', async () => {
    const r = await runMain([
      'sample',
      '--seed',
      '3',
      '--format',
      'txml',
      '--set',
      'orderEvent.buyerOrder.purchaseOrderNumber=PO-XML',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /<purchaseOrderNumber>PO-XML<\/purchaseOrderNumber>/);
  });

  for (const [args, stderr] of [
    [
      ['--set', 'no-equals-sign'],
      /^tc-webhook: option '--set <path=value>' argument 'no-equals-sign' is invalid\. --set "no-equals-sign" is not <path>=<value>/,
    ],
    [['--set', '=5'], /is not <path>=<value>/],
    [['--set', 'orderEvent..orderId=5'], /is not <path>=<value>/],
    [
      ['--overlay', join(dir, 'missing.json')],
      /^tc-webhook: cannot read the overlay .*missing\.json: no such file or directory\. Give a JSON file with a partial body\n$/,
    ],
  ] as const) {
    it(`bad input is one line and exit 2: ${args.join(' ')}`, async () => {
      const r = await runMain(['sample', ...args]);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, stderr);
    });
  }

  it('an overlay that is not JSON, or not an object, is one line and exit 2', async () => {
    for (const [name, text, message] of [
      ['broken.json', '{"orderEvent": ', /^tc-webhook: the overlay .*broken\.json is not JSON \(/],
      ['list.json', '[1, 2]', /^tc-webhook: the overlay .*list\.json is not a JSON object\. /],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const r = await runMain(['sample', '--overlay', file]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1);
    }
  });

  it('send-sample sends the overridden bodies; --file with --set is a usage error', async () => {
    const r = await startReceiver({});
    receivers.push(r);
    const run = await runMain([
      'send-sample',
      r.url,
      '--ca',
      ROOT_CA_FILE,
      '--event',
      'OrderIssuedByBuyer',
      '--overlay',
      overlay,
      '--set',
      'orderEvent.lines.*.buyerLine.item.number=ART-100',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(r.requests.length, 1);
    const body = JSON.parse(r.requests[0]!.body) as Body;
    assert.equal(body.orderEvent.buyerOrder.purchaseOrderNumber, 'PO-OVERLAY');
    assert.ok((body.orderEvent.lines as Body[]).every((l) => l.buyerLine.item.number === 'ART-100'));
    const replay = await runMain(['send-sample', r.url, '--file', overlay, '--set', 'eventName=x']);
    assert.equal(replay.code, 2);
    assert.match(
      replay.stderr,
      /--overlay and --set change generated payloads; a replayed file is sent as it is/,
    );
  });

  it('doctor sends the overridden bodies', async () => {
    const r = await startReceiver({});
    receivers.push(r);
    const run = await runMain([
      'doctor',
      r.url,
      '--ca',
      ROOT_CA_FILE,
      '--yes',
      '--events',
      'OrderIssuedByBuyer',
      '--set',
      'orderEvent.buyerOrder.purchaseOrderNumber=PO-DOCTOR',
    ]);
    const bodies = r.requests.map((q) => q.body).filter((b) => b.includes('PO-DOCTOR'));
    assert.equal(bodies.length, 1, run.stdout + run.stderr);
  });
});
