import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, test } from 'node:test';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

/** Polls until `ready()` (a state the test waits for, not a timing assertion). */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await sleep(20);
}

describe('Ctrl-C (SIGINT): exit 130 with what was done so far', () => {
  const receivers: Receiver[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'tc-interrupt-'));
  after(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    rmSync(dir, { recursive: true, force: true });
  });
  /** Answers the first `answered` requests, then never answers again: a burst that cannot finish. */
  const stallingReceiver = async (answered: number) => {
    const r = await startReceiver({ respond: (_, n) => (n < answered ? { status: 200 } : { hang: true }) });
    receivers.push(r);
    return r;
  };

  test('send-sample burst: the summary counts the answered requests', async () => {
    const receiver = await stallingReceiver(3);
    const run = await runCli(
      ['send-sample', receiver.url, '--ca', ROOT_CA_FILE, '--count', '50', '--timeout', '60000', '--json'],
      {
        onSpawn: (child) => void until(() => receiver.requests.length >= 4).then(() => child.kill('SIGINT')),
      },
    );
    assert.equal(run.code, 130, run.stderr);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      interrupted?: boolean;
      summary: { sent: number; delivered: number; failed: number };
    };
    assert.equal(report.interrupted, true);
    assert.equal(report.ok, false);
    assert.deepEqual(
      { sent: report.summary.sent, delivered: report.summary.delivered, failed: report.summary.failed },
      { sent: 3, delivered: 3, failed: 0 },
    );
    assert.equal(receiver.requests.length, 4, 'no request starts after Ctrl-C');
    assert.doesNotMatch(run.stderr, /\bat .+:\d+:\d+/, 'no stack trace');
  });

  test('send-sample human report says it was interrupted', async () => {
    const receiver = await stallingReceiver(2);
    const run = await runCli(['send-sample', receiver.url, '--ca', ROOT_CA_FILE, '--count', '20'], {
      onSpawn: (child) => void until(() => receiver.requests.length >= 3).then(() => child.kill('SIGINT')),
    });
    assert.equal(run.code, 130, run.stderr);
    assert.match(run.stdout, /2 of 2 delivered/);
    assert.match(run.stdout, /interrupted: the summary counts the 2 requests answered before Ctrl-C/);
  });

  test('doctor: Ctrl-C while deliveries run is exit 130, remaining checks skipped, no verdict', async () => {
    const receiver = await stallingReceiver(0);
    const run = await runCli(['doctor', receiver.url, '--ca', ROOT_CA_FILE, '--yes', '--json'], {
      onSpawn: (child) => void until(() => receiver.requests.length >= 1).then(() => child.kill('SIGINT')),
    });
    assert.equal(run.code, 130, run.stderr);
    const report = JSON.parse(run.stdout) as {
      interrupted?: boolean;
      ok: boolean;
      requestsSent: number;
      checks: Array<{ id: string; status: string; message: string }>;
    };
    assert.equal(report.interrupted, true);
    assert.equal(report.ok, false);
    // The first request the receiver holds is the TLS grade's HSTS GET, which doctor counts.
    assert.equal(report.requestsSent, 1);
    const delivery = report.checks.find((k) => k.id === 'delivery');
    assert.deepEqual(delivery && [delivery.status, delivery.message], ['skip', 'not attempted: interrupted']);
  });

  test('validate: files after the interrupt are not checked', async () => {
    // A named pipe as the third input: opening it for writing completes exactly when validate starts
    // reading it, so the interrupt lands after two files, whatever the machine's speed.
    const valid = join(ROOT, 'fixtures/payloads/valid');
    const files = execFileSync('find', [valid, '-name', '*.json'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .sort();
    const fifo = join(dir, 'slow-input.json');
    execFileSync('mkfifo', [fifo]);
    const payload = readFileSync(files[0]!);
    const run = await runCli(['validate', files[0]!, files[1]!, fifo, ...files.slice(2), '--json'], {
      onSpawn: (child) =>
        void (async () => {
          const writer = await open(fifo, 'w');
          child.kill('SIGINT');
          await writer.write(payload);
          await writer.close();
        })(),
    });
    assert.equal(run.code, 130, run.stderr);
    const report = JSON.parse(run.stdout) as {
      interrupted?: boolean;
      files: Array<{ file: string; valid: boolean }>;
      summary: { files: number; valid: number; invalid: number };
    };
    assert.equal(report.interrupted, true);
    assert.ok(files.length > 3);
    assert.deepEqual(
      report.files.map((f) => [f.file, f.valid]),
      [files[0], files[1], fifo].map((f) => [f, true]),
    );
    assert.deepEqual([report.summary.files, report.summary.valid], [3, 3]);
  });
});
