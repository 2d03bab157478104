/**
 * The README's first hour, through the real CLI: `dev-cert` into a fresh folder, `listen` with its
 * certificate (port 0, basic authentication, --reject-invalid), then `doctor` against it with the
 * dev CA. Every check passes except the one only a public certificate can pass, which says so.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DoctorReport } from '../../src/commands/doctor.js';
import { TEST_TMPDIR } from '../helpers/run-cli.js';
import { runMain, startMain, type RunningMain } from '../helpers/run-main.js';

const ENV = { TC_WEBHOOK_PASSWORD: 'first-hour-password-2026' };

describe('the first hour: dev-cert, listen, doctor', () => {
  let dir: string;
  let listen: RunningMain;
  let url: string;
  before(async () => {
    dir = mkdtempSync(join(TEST_TMPDIR, 'first-hour-'));
    const made = await runMain(['dev-cert', '--dir', 'certs'], { cwd: dir });
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /tc-webhook listen --cert certs\/cert\.pem --key certs\/key\.pem/);
    listen = startMain(
      [
        'listen',
        '--cert',
        'certs/cert.pem',
        '--key',
        'certs/key.pem',
        '--port',
        '0',
        '--username',
        'tradecloud',
        '--reject-invalid',
      ],
      { cwd: dir, env: ENV },
    );
    await listen.waitFor(/listening on https:\/\/127\.0\.0\.1:\d+\//, 'stderr');
    const port = /listening on https:\/\/127\.0\.0\.1:(\d+)\//.exec(listen.stderr)![1]!;
    url = `https://localhost:${port}/`;
  });
  after(async () => {
    listen.interrupt();
    await listen.done;
    rmSync(dir, { recursive: true, force: true });
  });

  it('listen says once that Tradecloud would refuse its certificate', () => {
    assert.match(listen.stderr, /Tradecloud would refuse it in production/);
  });

  it('doctor: every check passes but the trust check, which says it fails only for the local dev CA', async () => {
    const run = await runMain(
      ['doctor', url, '--ca', 'certs/ca.pem', '--username', 'tradecloud', '--yes', '--json'],
      { cwd: dir, env: ENV },
    );
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as DoctorReport;
    assert.equal(report.verdict, 'ready');
    assert.equal(report.auth, 'basic');
    const notPassed = report.checks.filter((c) => c.status !== 'pass');
    assert.deepEqual(
      notPassed.map((c) => [c.id, c.status]),
      [['tls', 'warn']],
      JSON.stringify(notPassed),
    );
    const tls = notPassed[0]!;
    assert.match(
      tls.message,
      /^the trust check would fail at Tradecloud only because the certificate is trusted through --ca certs\/ca\.pem, the local test CA made by tc-webhook dev-cert \(Tradecloud trusts public CAs only\); every other TLS check passed \(TLSv1\.3\), and a certificate from a public CA would pass$/,
    );
    assert.ok(report.requestsSent > 40, 'doctor went on and delivered every event');
    assert.equal(report.requestsSent, report.requestsPlanned);
  });

  it('the human report says the same in words', async () => {
    const run = await runMain(['doctor', url, '--ca', 'certs/ca.pem', '--username', 'tradecloud', '--yes'], {
      cwd: dir,
      env: ENV,
    });
    assert.equal(run.code, 0);
    assert.match(
      run.stdout,
      /! TLS and certificate +the trust check would fail at Tradecloud only because the certificate is trusted through --ca/,
    );
    assert.match(
      run.stdout,
      /fix: for local tests, nothing to fix; in production, serve a certificate from a public CA/,
    );
    assert.doesNotMatch(run.stdout, /^[✗!?] (?!TLS and certificate)/m, 'no other check failed or warned');
  });
});
