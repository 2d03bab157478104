import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { CERTS_DIR, ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { BIN, ROOT, runCli } from '../helpers/run-cli.js';

const CA = ['--ca', ROOT_CA_FILE];
/**
 * Reports the CLI's own peak RSS on exit (process.resourceUsage, in KiB) on fd 3, so the memory check
 * needs no external tool and runs everywhere.
 */
const REPORT_PEAK_RSS =
  'data:text/javascript,import { writeSync } from "node:fs";' +
  'process.on("exit", () => writeSync(3, String(process.resourceUsage().maxRSS)));';

/** Peak RSS of one CLI run in KiB. */
function maxRssKiB(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', REPORT_PEAK_RSS, BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    });
    let out = '';
    (child.stdio[3] as Readable).setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const kib = Number(out);
      if (code === 0 && Number.isFinite(kib) && kib > 0) resolve(kib);
      else reject(new Error(`send-sample exited ${code} without reporting its peak RSS`));
    });
  });
}

describe('send-sample when the endpoint misbehaves (real HTTPS receiver)', () => {
  const receivers: Receiver[] = [];
  const receiver = async (options: Parameters<typeof startReceiver>[0]) => {
    const r = await startReceiver(options);
    receivers.push(r);
    return r;
  };
  after(async () => {
    await Promise.all(receivers.map((r) => r.close()));
  });

  const SELF_SIGNED =
    /the certificate is self-signed \(its own issuer\); Tradecloud rejects self-signed certificates, even when you trust it with --ca\. Get one from a public CA such as Let's Encrypt/;

  it('a self-signed endpoint is refused, exit 2, saying Tradecloud rejects it', async () => {
    const r = await receiver({ certificate: 'self-signed' });
    const run = await runCli(['send-sample', r.url, ...CA]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, SELF_SIGNED);
    assert.equal(run.stderr.trim().split('\n').length, 1);
    assert.equal(r.requests.length, 0);
  });

  it('a self-signed endpoint stays refused when --ca trusts it, in send-sample and doctor, as check-tls says', async () => {
    const r = await receiver({ certificate: 'self-signed' });
    const trustIt = ['--ca', `${CERTS_DIR}self-signed.pem`];
    for (const args of [[], ['--count', '3', '--concurrency', '3'], ['--json']]) {
      const run = await runCli(['send-sample', r.url, ...trustIt, ...args]);
      assert.equal(run.code, 2, run.stdout);
      if (args[0] === '--json') {
        assert.equal((JSON.parse(run.stdout) as { error: { code: string } }).error.code, 'network.tls');
      } else assert.equal(run.stdout, '');
      assert.match(run.stderr, SELF_SIGNED);
      assert.equal(run.stderr.trim().split('\n').length, 1);
    }
    const doctor = await runCli(['doctor', r.url, ...trustIt, '--yes', '--json']);
    assert.equal(doctor.code, 1, doctor.stderr);
    assert.equal((JSON.parse(doctor.stdout) as { requestsSent: number }).requestsSent, 0);
    const checkTls = await runCli(['check-tls', r.url, ...trustIt, '--json']);
    const selfSigned = (
      JSON.parse(checkTls.stdout) as { checks: Array<{ id: string; message: string }> }
    ).checks.find((c) => c.id === 'cert.self-signed');
    assert.ok(selfSigned);
    assert.ok(
      selfSigned.message.startsWith(
        'the certificate is self-signed (its own issuer); Tradecloud rejects self-signed certificates, even when you trust it with --ca',
      ),
    );
    assert.equal(r.requests.length, 0);
  });

  it('the rule is for the webhook endpoint only: a token endpoint trusted with --ca may be self-signed', async () => {
    const token = await receiver({
      certificate: 'self-signed',
      respond: () => ({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ access_token: 'issued-token-51c2', token_type: 'Bearer', expires_in: 3600 }),
      }),
    });
    const hook = await receiver({ auth: { type: 'bearer', token: 'issued-token-51c2' } });
    const run = await runCli([
      'send-sample',
      hook.url,
      ...CA,
      '--ca',
      `${CERTS_DIR}self-signed.pem`,
      '--auth',
      'oauth2',
      '--token-url',
      token.url,
      '--client-id',
      'c',
      '--client-secret',
      'client-secret-9a8b',
      '--scope',
      'api://x/.default',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(token.requests.length, 1);
    assert.deepEqual(
      hook.requests.map((r) => r.authorized),
      [true],
    );
  });

  it('the fixture chain is not trusted without --ca: certificate verification cannot be switched off', async () => {
    const r = await receiver({});
    const run = await runCli(['send-sample', r.url]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Tradecloud would refuse it too/);
  });

  it('connection refused is exit 2 with the address', async () => {
    const run = await runCli(['send-sample', 'https://127.0.0.1:1/', '--count', '50', '--concurrency', '8']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^tc-webhook: cannot connect to https:\/\/127\.0\.0\.1:1\/: connection refused/);
  });

  it('a server that never answers hits --timeout: no answer at all is exit 2, with one line', async () => {
    const r = await receiver({ respond: () => ({ hang: true }) });
    const run = await runCli(['send-sample', r.url, ...CA, '--timeout', '500', '--json'], {
      killAfterMs: 20_000,
    });
    assert.equal(run.code, 2, run.stderr);
    assert.equal((JSON.parse(run.stdout) as { error: { code: string } }).error.code, 'network.timeout');
    assert.match(run.stderr, /accepted the connection but gave no answer within 500 ms/);
    assert.equal(run.stderr.trim().split('\n').length, 1);
    assert.equal(r.requests.length, 1);
  });

  it('a server that answers some requests and hangs on others: those failed, exit 1', async () => {
    const r = await receiver({ respond: (_req, n) => (n === 0 ? { status: 200 } : { hang: true }) });
    const run = await runCli(['send-sample', r.url, ...CA, '--count', '2', '--timeout', '500', '--json'], {
      killAfterMs: 20_000,
    });
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as {
      requests: Array<{ status: number | null; outcome: string; note?: string }>;
    };
    assert.equal(report.requests[0]?.status, 200);
    assert.deepEqual(report.requests[1], {
      ...report.requests[1],
      status: null,
      outcome: 'failed',
      note: 'no answer within 500 ms',
    });
  });

  it('a 50 MB answer: the report keeps at most 2 KiB and the run completes with flat memory', async () => {
    const r = await receiver({ respond: () => ({ status: 200, bodyBytes: 50 * 1024 * 1024 }) });
    const run = await runCli(['send-sample', r.url, ...CA, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { requests: Array<{ responseBody: string; outcome: string }> };
    assert.equal(report.requests[0]!.outcome, 'delivered');
    assert.ok(Buffer.byteLength(report.requests[0]!.responseBody) <= 2048);

    const small = await receiver({});
    const baseline = await maxRssKiB(['send-sample', small.url, ...CA, '--json']);
    const big = await maxRssKiB(['send-sample', r.url, ...CA, '--json']);
    assert.ok(big - baseline < 25 * 1024, `peak RSS grew by ${big - baseline} KiB for a 50 MB answer`);
  });

  it('plain http to a non-loopback host without credentials is allowed but warned about', async () => {
    // A dry run: the tests never leave this machine.
    const run = await runCli(['send-sample', 'http://webhook.example.com/hook', '--dry-run']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      /warning: http:\/\/webhook\.example\.com is plain http: Tradecloud only calls https:\/\/ URLs/,
    );
    assert.match(run.stdout, /POST http:\/\/webhook\.example\.com\/hook/);
  });

  it('usage errors are one line, exit 2: an unknown event, --file mixed with generation options', async () => {
    const unknown = await runCli(['send-sample', 'https://127.0.0.1:1/', '--event', 'OrderIssuedByByer']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown event "OrderIssuedByByer"\. Did you mean OrderIssuedByBuyer/);
    const mixed = await runCli(['send-sample', 'https://127.0.0.1:1/', '--file', 'x.json', '--seed', '1']);
    assert.equal(mixed.code, 2);
    assert.match(
      mixed.stderr,
      /^tc-webhook: --file replays stored payloads; --type, --all and --seed choose generated ones/,
    );
    const missingCa = await runCli(['send-sample', 'https://127.0.0.1:1/', '--ca', 'no-such-ca.pem']);
    assert.equal(missingCa.code, 2);
    assert.match(missingCa.stderr, /cannot read --ca file "no-such-ca\.pem": no such file/);
  });
});
