import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startIntegration, type Integration } from '../helpers/order-integration.js';
import { ROOT_CA_FILE } from '../helpers/receiver.js';
import { runMain } from '../helpers/run-main.js';
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return -- payloads and reports are walked as plain JSON here */

type Obj = Record<string, any>;
const CA = ['--ca', ROOT_CA_FILE, '--timeout', '5000'];

describe('scenario: coherent stories against a small integration (real HTTPS, in process)', () => {
  let integration: Integration;
  const dir = mkdtempSync(join(tmpdir(), 'tc-scenario-'));
  before(async () => {
    integration = await startIntegration();
  });
  after(async () => {
    await integration.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const scenario = async (args: string[]) => {
    const run = await runMain(['scenario', ...args, ...CA, '--json']);
    return { ...run, report: JSON.parse(run.stdout || '{}') as Obj };
  };

  it('order-lifecycle: eight steps delivered, and the integration holds the order the story tells', async () => {
    const { code, report, stderr } = await scenario([integration.url(), 'order-lifecycle', '--yes']);
    assert.equal(code, 0, stderr);
    assert.match(
      stderr,
      /scenario order-lifecycle will send 8 requests to https:\/\/127\.0\.0\.1:\d+\/webhook/,
    );
    assert.equal(report.ok, true);
    assert.equal(report.steps.length, 8);
    assert.deepEqual(
      report.steps.map((s: Obj) => [s.step, s.outcome, s.met, s.status]),
      Array.from({ length: 8 }, (_, i) => [i + 1, 'delivered', true, 200]),
    );
    assert.deepEqual(report.steps[1].lines, [2]);
    assert.equal(report.summary.met, 8);
    const [order] = [...integration.orders.values()];
    assert.equal(integration.orders.size, 1);
    assert.equal(order!.version, 8);
    assert.deepEqual(Object.fromEntries(order!.lines), {
      '0001': 'Completed',
      '0002': 'Confirmed',
      '0003': 'Cancelled',
    });
  });

  it('shipment-updates: every event carries three lines; the integration sees 3, 0, 1, 0 changed', async () => {
    const { code, report } = await scenario([integration.url(), 'shipment-updates', '--yes']);
    assert.equal(code, 0);
    assert.equal(report.scenario.type, 'shipment');
    const [shipment] = [...integration.shipments.values()];
    assert.deepEqual(shipment!.changedLines, [3, 0, 1, 0]);
  });

  it('single-delivery in tXML, reproducible with --seed, human report names each step', async () => {
    const run = await runMain([
      'scenario',
      integration.url(),
      'single-delivery',
      '--format',
      'txml',
      '--seed',
      '3',
      '--yes',
      ...CA,
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /tc-webhook scenario single-delivery/);
    assert.match(run.stdout, / 8 ✓ OrderLinesCompletedByBuyer/);
    assert.match(run.stdout, /All 8 steps answered as expected/);
    const bodies = integration.receiver.requests.slice(-8).map((r) => r.body);
    assert.ok(bodies.every((b) => b.startsWith('<?xml')));
    await runMain([
      'scenario',
      integration.url(),
      'single-delivery',
      '--format',
      'txml',
      '--seed',
      '3',
      '--yes',
      ...CA,
    ]);
    assert.deepEqual(
      integration.receiver.requests.slice(-8).map((r) => r.body),
      bodies,
    );
  });

  it('a strict integration: the first unknown event answered 503 is reported as retried without end, exit 1', async () => {
    const file = join(dir, 'unknown.yaml');
    writeFileSync(
      file,
      [
        'name: unknown field',
        'steps:',
        '  - event: OrderIssuedByBuyer',
        '  - event: OrderLinesAcceptedBySupplier',
        '    lines: [1, 2, 3]',
        '    set: { orderEvent.someNewField: "added by Tradecloud" }',
        '  - event: OrderLinesCompletedByBuyer',
        '    expect: 2xx',
        '',
      ].join('\n'),
    );
    const { code, report } = await scenario([integration.url('strict'), file, '--yes']);
    assert.equal(code, 1);
    assert.equal(report.ok, false);
    const second = report.steps[1];
    assert.equal(second.status, 503);
    assert.equal(second.outcome, 'failed');
    assert.match(second.tradecloud, /retry this without end/);
    assert.equal(report.steps[2].met, true);
    assert.equal(report.summary.notMet, 1);
  });

  it('expect: a step may expect a rejection; --report writes JUnit and Markdown', async () => {
    const file = join(dir, 'expect.json');
    writeFileSync(
      file,
      JSON.stringify({
        steps: [
          { event: 'OrderIssuedByBuyer', set: { 'orderEvent.surprise': 'x' }, expect: '5xx' },
          { event: 'OrderIssuedByBuyer', expect: 200, delay: '5ms' },
        ],
      }),
    );
    const junit = join(dir, 'scenario.xml');
    const md = join(dir, 'scenario.md');
    const first = await scenario([integration.url('strict'), file, '--yes', '--report', junit]);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(
      first.report.steps.map((s: Obj) => s.status),
      [503, 200],
    );
    const xml = readFileSync(junit, 'utf8');
    assert.match(xml, /<testsuites name="tc-webhook scenario" tests="2" failures="0">/);
    assert.match(xml, /name="step 1: OrderIssuedByBuyer"/);
    await scenario([integration.url('strict'), file, '--yes', '--report', md]);
    assert.match(readFileSync(md, 'utf8'), /\| 1 \| OrderIssuedByBuyer \| 1, 2, 3 \| ✅ 503 \| failed \|/);
  });

  it('--list prints the built-ins, human and JSON, without a URL', async () => {
    const json = await runMain(['scenario', '--list', '--json']);
    assert.equal(json.code, 0);
    const list = JSON.parse(json.stdout) as Obj;
    assert.deepEqual(
      list.scenarios.map((s: Obj) => s.name),
      ['order-lifecycle', 'single-delivery', 'shipment-updates'],
    );
    const human = await runMain(['scenario', '--list']);
    assert.match(human.stdout, /shipment-updates \(shipment\)/);
    assert.match(human.stdout, /3\. ShipmentReissuedBySupplier line 2/);
  });

  it('could not run (exit 2, nothing sent): no --yes without a terminal, txml shipments, unknown names, bad files', async () => {
    const before = integration.receiver.requests.length;
    const noYes = await runMain(['scenario', integration.url(), ...CA]);
    assert.equal(noYes.code, 2);
    assert.match(
      noYes.stderr,
      /nothing was sent; it asks before sending, and stdin is not a terminal\. Pass --yes/,
    );
    const txml = await runMain([
      'scenario',
      integration.url(),
      'shipment-updates',
      '--format',
      'txml',
      '--yes',
      ...CA,
    ]);
    assert.equal(txml.code, 2);
    assert.match(txml.stderr, /shipment webhook sends JSON only/);
    const unknown = await runMain(['scenario', integration.url(), 'order-lifecyle', '--yes', ...CA]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown scenario "order-lifecyle" \(closest: order-lifecycle\)/);
    const cases: [string, string, RegExp][] = [
      [
        'bad-event.yaml',
        'steps:\n  - event: OrderIssuedByBuyer\n  - event: OrderTeleported\n',
        /step 2: unknown event "OrderTeleported"/,
      ],
      ['bad-key.json', '{"steps":[{"event":"OrderIssuedByBuyer","line":[1]}]}', /step 1: unknown key "line"/],
      [
        'bad-lines.json',
        '{"steps":[{"event":"OrderIssuedByBuyer","lines":[4]}]}',
        /step 1: "lines" must be a list/,
      ],
      [
        'bad-expect.yaml',
        'steps:\n  - event: OrderIssuedByBuyer\n    expect: sometimes\n',
        /step 1: "expect" must be/,
      ],
      [
        'mixed.yaml',
        'steps:\n  - event: OrderIssuedByBuyer\n  - event: ShipmentIssuedBySupplier\n',
        /step 2: ShipmentIssuedBySupplier is a shipment event, but this scenario is of type order/,
      ],
      ['empty.json', '{"steps":[]}', /"steps" must be a list of at least one step/],
      ['broken.yaml', 'steps: [\n', /is not YAML/],
      ['broken.json', '{"steps":', /is not JSON/],
    ];
    for (const [name, text, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const run = await runMain(['scenario', integration.url(), file, '--yes', ...CA]);
      assert.equal(run.code, 2, name);
      assert.match(run.stderr, message, name);
      assert.equal(run.stderr.split('\n').filter(Boolean).length, 1, `${name}: one line`);
    }
    const missing = await runMain(['scenario', integration.url(), join(dir, 'missing.yaml'), '--yes', ...CA]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read the scenario .*missing\.yaml: no such file or directory/);
    assert.equal(integration.receiver.requests.length, before);
  });
});
