import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { runMain } from '../helpers/run-main.js';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access -- payloads and reports are walked as plain JSON here */
type Obj = Record<string, any>;

const CA = ['--ca', ROOT_CA_FILE, '--timeout', '5000'];
const dir = mkdtempSync(join(tmpdir(), 'tcw-override-effect-'));
const shipmentOverlay = join(dir, 'shipment-overlay.json');
writeFileSync(shipmentOverlay, JSON.stringify({ shipment: { shipmentNumber: 'SH-1' } }));

/**
 * The one-line usage error for an override that changes no body, and its JSON object with
 * `--json` (sample prints a body, not a report: it has no --json).
 */
function assertNoEffect(run: { code: number; stdout: string; stderr: string }, named: string, why: RegExp) {
  assert.equal(run.code, 2, run.stderr);
  assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
  assert.ok(run.stderr.startsWith(`tc-webhook: ${named} changes no body of this run: `), run.stderr);
  assert.match(run.stderr, why);
  if (run.stdout === '') return;
  const { error } = JSON.parse(run.stdout) as { error: { code: string; message: string } };
  assert.equal(error.code, 'usage.override-no-effect');
  assert.ok(error.message.startsWith(`${named} changes no body of this run: `), error.message);
  assert.match(error.message, why);
}

describe('--set/--overlay that change nothing are refused; unknown fields are named', () => {
  let receiver: Receiver;
  before(async () => {
    receiver = await startReceiver({});
  });
  after(async () => {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [set, why] of [
    [
      'orderEvent.buyerOrder.purchaseOrderNumber.x=1',
      /orderEvent\.buyerOrder\.purchaseOrderNumber is a string, not an object/,
    ],
    [
      'orderEvent.lines.99.buyerLine.item.number=1',
      /index 99 is out of range: orderEvent\.lines has \d+ elements/,
    ],
    ['orderEvent.lines.-1.buyerLine.item.number=1', /orderEvent\.lines is a list, and "-1" is not an index/],
    ['shipment.shipmentNumber=SH-1', /no body of this run has shipment \(they have orderEvent\)/],
  ] as const) {
    it(`sample --set ${set}: exit 2, named`, async () => {
      const run = await runMain(['sample', '--seed', '1', '--set', set]);
      assert.equal(run.stdout, '');
      assertNoEffect(run, `--set ${set}`, why);
    });
  }

  it('sample --overlay for a webhook type the run never produces: exit 2, named', async () => {
    const run = await runMain(['sample', '--overlay', shipmentOverlay]);
    assertNoEffect(run, `--overlay ${shipmentOverlay}`, /no body of this run has shipment/);
  });

  it('a field the schema does not know is applied with a warning naming the closest known field', async () => {
    const run = await runMain([
      'sample',
      '--seed',
      '1',
      '--set',
      'orderEvent.buyerOrder.purchaseOrderNumbr=PO-1',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stderr,
      'warning: --set orderEvent.buyerOrder.purchaseOrderNumbr=PO-1: the schema has no field "purchaseOrderNumbr" in orderEvent.buyerOrder; did you mean purchaseOrderNumber? (applied anyway)\n',
    );
    assert.equal((JSON.parse(run.stdout) as Obj).orderEvent.buyerOrder.purchaseOrderNumbr, 'PO-1');
  });

  it('send-sample: an override no body takes is refused before anything is sent', async () => {
    const before = receiver.requests.length;
    const run = await runMain([
      'send-sample',
      receiver.url,
      ...CA,
      '--all',
      '--set',
      'orderEvent.lines.7.buyerLine.item.number=1',
      '--json',
    ]);
    assertNoEffect(run, '--set orderEvent.lines.7.buyerLine.item.number=1', /index 7 is out of range/);
    assert.equal(receiver.requests.length, before);
  });

  it('send-sample: an override one body takes is fine, once per run (not per body), and warns once', async () => {
    const before = receiver.requests.length;
    const run = await runMain([
      'send-sample',
      receiver.url,
      ...CA,
      '--type',
      'order',
      '--all',
      '--set',
      'orderEvent.buyerOrder.purchaseOrderNumbr=PO-2',
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr.match(/did you mean purchaseOrderNumber\?/g)?.length, 1, run.stderr);
    assert.ok(receiver.requests.length - before > 1);
  });

  it('doctor: a path whose event object is in some bodies is skipped for the others; one in none is refused', async () => {
    const before = receiver.requests.length;
    const ok = await runMain([
      'doctor',
      receiver.url,
      ...CA,
      '--yes',
      '--type',
      'order',
      '--type',
      'shipment',
      '--events',
      'OrderIssuedByBuyer,ShipmentIssuedBySupplier',
      '--set',
      'orderEvent.buyerOrder.purchaseOrderNumber=PO-DOCTOR',
      '--json',
    ]);
    assert.ok(ok.code !== 2, ok.stderr);
    const sent = receiver.requests.slice(before).map((r) => r.body);
    assert.ok(sent.some((b) => b.includes('PO-DOCTOR')));
    assert.ok(sent.some((b) => b.includes('"shipment"') && !b.includes('PO-DOCTOR')));

    const count = receiver.requests.length;
    const refused = await runMain([
      'doctor',
      receiver.url,
      ...CA,
      '--yes',
      '--events',
      'OrderIssuedByBuyer',
      '--overlay',
      shipmentOverlay,
      '--json',
    ]);
    assertNoEffect(refused, `--overlay ${shipmentOverlay}`, /no body of this run has shipment/);
    assert.equal(receiver.requests.length, count);
  });

  it('scenario: a step `set` that reaches no body is refused, naming the step', async () => {
    const file = join(dir, 'miss.json');
    writeFileSync(
      file,
      JSON.stringify({
        steps: [
          { event: 'OrderIssuedByBuyer' },
          {
            event: 'OrderLinesAcceptedBySupplier',
            set: { 'orderEvent.lines.12.buyerLine.item.number': 'X' },
          },
        ],
      }),
    );
    const count = receiver.requests.length;
    const run = await runMain(['scenario', receiver.url, file, '--yes', ...CA, '--json']);
    assertNoEffect(
      run,
      '"set" orderEvent.lines.12.buyerLine.item.number (scenario file step 2)',
      /index 12 is out of range/,
    );
    assert.equal(receiver.requests.length, count);
  });
});
