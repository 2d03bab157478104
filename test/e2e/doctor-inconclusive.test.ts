import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { runMain } from '../helpers/run-main.js';

interface Check {
  id: string;
  status: string;
  fix?: string;
}

describe('doctor: wrong credentials prove nothing about timing or status codes', () => {
  let receiver: Receiver;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tc-webhook-inconclusive-'));
    // Refuses the credentials it is given: 401 to every request, quickly.
    receiver = await startReceiver({ auth: { type: 'basic', username: 'tradecloud', password: 'right' } });
  });
  after(async () => {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const args = (extra: string[]) => [
    'doctor',
    receiver.url,
    '--ca',
    ROOT_CA_FILE,
    '--yes',
    '--events',
    'OrderIssuedByBuyer',
    '--auth',
    'basic',
    '--username',
    'tradecloud',
    '--password',
    'wrong-password-4b1e',
    ...extra,
  ];

  it('JSON and JUnit: timing and status codes inconclusive, not ready, exit 1', async () => {
    const junit = join(dir, 'doctor.xml');
    const run = await runMain(args(['--json', '--report', junit]), { suiteTmpdir: true });
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { ok: boolean; verdict: string; checks: Check[] };
    assert.equal(report.ok, false);
    assert.equal(report.verdict, 'not-ready');
    const status = (id: string) => report.checks.find((c) => c.id === id)?.status;
    assert.equal(status('delivery.order'), 'fail');
    assert.equal(status('timing'), 'inconclusive');
    assert.equal(status('status-codes'), 'inconclusive');
    const delivery = report.checks.find((c) => c.id === 'delivery.order');
    assert.match(delivery?.fix ?? '', /refused the credentials: check --username and --password/);
    const xml = readFileSync(junit, 'utf8');
    assert.match(xml, /<skipped message="inconclusive: no event was accepted/);
    assert.doesNotMatch(xml, /wrong-password-4b1e/);
  });

  it('human: the first fix printed names the credentials', async () => {
    const run = await runMain(args([]), { suiteTmpdir: true });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /\? Response time/);
    const firstFix = /fix: (.*)/.exec(run.stdout)?.[1] ?? '';
    assert.match(firstFix, /refused the credentials: check --username and --password/);
    assert.doesNotMatch(run.stdout, /answer 2xx \(200 or 202\) to every enabled event/);
    assert.match(run.stdout, /Not ready/);
  });
});
