import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startIntegration, type Integration } from '../helpers/order-integration.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { runMain } from '../helpers/run-main.js';
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return -- reports are walked as plain JSON here */

type Obj = Record<string, any>;
const CA = ['--ca', ROOT_CA_FILE, '--timeout', '5000'];

describe("Tradecloud's delivery semantics: redelivery, bounded retries, doctor behind the door", () => {
  let integration: Integration;
  let unavailable: Receiver;
  const dir = mkdtempSync(join(tmpdir(), 'tc-semantics-'));
  before(async () => {
    integration = await startIntegration();
    unavailable = await startReceiver({ statuses: [503] });
  });
  after(async () => {
    await Promise.all([integration.close(), unavailable.close()]);
    rmSync(dir, { recursive: true, force: true });
  });
  const json = async (args: string[]) => {
    const run = await runMain([...args, ...CA, '--json']);
    return { ...run, report: JSON.parse(run.stdout || '{}') as Obj };
  };

  it('send-sample --redeliver 2: byte-identical bodies; an idempotent integration answers each alike', async () => {
    const before = integration.receiver.requests.length;
    const { code, report } = await json(['send-sample', integration.url(), '--redeliver', '2']);
    assert.equal(code, 0);
    const bodies = integration.receiver.requests.slice(before).map((r) => r.body);
    assert.equal(bodies.length, 3);
    assert.equal(new Set(bodies).size, 1, 'the same bytes, so the same meta.messageId');
    assert.deepEqual(
      report.requests.map((r: Obj) => [r.redelivery, r.sameClass]),
      [
        [undefined, undefined],
        [1, true],
        [2, true],
      ],
    );
  });

  it('send-sample --redeliver against an integration that answers 500 to a repeat: a different class, exit 1', async () => {
    const { code, report } = await json([
      'send-sample',
      integration.url('no-duplicates'),
      '--redeliver',
      '1',
    ]);
    assert.equal(code, 1);
    assert.deepEqual(
      report.requests.map((r: Obj) => [r.status, r.outcome, r.sameClass]),
      [
        [200, 'delivered', undefined],
        [500, 'rejected', false],
      ],
    );
    const human = await runMain(['send-sample', integration.url('no-duplicates'), '--redeliver', '1', ...CA]);
    assert.match(human.stdout, /repeat 1: a different class of answer than the first/);
  });

  it('scenario --redeliver 1: every step repeated; each repeat answered 500 is a step not met', async () => {
    const { code, report } = await json([
      'scenario',
      integration.url('no-duplicates'),
      'shipment-updates',
      '--yes',
      '--redeliver',
      '1',
    ]);
    assert.equal(code, 1);
    assert.equal(report.requestsPlanned, 8);
    assert.equal(report.redeliver, 1);
    for (const step of report.steps) {
      assert.equal(step.status, 200);
      assert.deepEqual(
        step.redeliveries.map((a: Obj) => [a.status, a.sameClass]),
        [[500, false]],
      );
      assert.equal(step.met, false);
    }
  });

  it('--retry with --retry-cap-ms and --max-retry-time: gives up in time, and says Tradecloud would not', async () => {
    const args = [
      '--retry',
      '--retry-base-ms',
      '20',
      '--retry-cap-ms',
      '40',
      '--max-retries',
      '50',
      '--max-retry-time',
      '300ms',
    ];
    const sent = await json(['send-sample', unavailable.url, ...args]);
    assert.equal(sent.code, 1);
    const request = sent.report.requests[0];
    assert.equal(request.outcome, 'gave-up');
    assert.ok(request.attempts > 1 && request.attempts < 51, String(request.attempts));
    assert.match(request.note, /Tradecloud itself would keep retrying without end.*not published/);
    const file = join(dir, 'one.json');
    writeFileSync(file, '{"steps":[{"event":"OrderIssuedByBuyer"}]}');
    const scenario = await json(['scenario', unavailable.url, file, '--yes', ...args]);
    assert.equal(scenario.code, 1);
    assert.equal(scenario.report.steps[0].outcome, 'gave-up');
    assert.match(scenario.report.steps[0].tradecloud, /keep retrying without end/);
    const bad = await runMain(['send-sample', unavailable.url, '--retry', '--max-retry-time', 'soon', ...CA]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-retry-time must be a duration such as 90s/);
  });

  it('doctor: an integration that answers 503 to the unknown fails forward compatibility (JUnit too)', async () => {
    const junit = join(dir, 'strict.xml');
    const run = await json([
      'doctor',
      integration.url('strict'),
      '--yes',
      '--events',
      'OrderIssuedByBuyer',
      '--report',
      junit,
    ]);
    const check = run.report.checks.find((c: Obj) => c.id === 'forward-compat');
    assert.equal(check.status, 'fail', JSON.stringify(check));
    assert.match(check.message, /5 of 5 bodies with something new were answered above 500/);
    assert.match(
      check.details.join('\n'),
      /an unknown field in a line: 503 \(Tradecloud retries this without end/,
    );
    assert.equal(run.report.checks.find((c: Obj) => c.id === 'duplicates').status, 'pass');
    assert.match(run.stderr, /5 bodies with unknown fields, values or events, 1 event twice/);
    assert.equal(run.report.requestsSent, run.report.requestsPlanned);
    assert.match(readFileSync(junit, 'utf8'), /name="forward-compat: Forward compatibility">\s*<failure/);
  });

  it('doctor: an integration that answers 500 to a repeated body warns on duplicates, naming the answers (Markdown too)', async () => {
    const md = join(dir, 'dup.md');
    const run = await json([
      'doctor',
      integration.url('no-duplicates'),
      '--yes',
      '--events',
      'OrderIssuedByBuyer',
      '--report',
      md,
    ]);
    const check = run.report.checks.find((c: Obj) => c.id === 'duplicates');
    assert.equal(check.status, 'warn');
    assert.match(check.message, /first 200, repeat 500/);
    assert.equal(run.report.checks.find((c: Obj) => c.id === 'forward-compat').status, 'pass');
    assert.match(
      readFileSync(md, 'utf8'),
      /\| Repeated delivery \| ⚠️ warn \| the same body twice was not accepted both times \(first 200, repeat 500\)/,
    );
  });
});
