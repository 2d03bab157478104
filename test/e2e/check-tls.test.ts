/**
 * check-tls through the real CLI against real TLS servers on 127.0.0.1, one per case, with the
 * committed fixture certificates. Node 20's bundled OpenSSL 3 still offers TLS 1.0 and 1.1 when both
 * ends lower the security level (`DEFAULT@SECLEVEL=0`), so the legacy cases run for real here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CheckTlsReport } from '../../src/commands/check-tls.js';
import { runCli } from '../helpers/run-cli.js';
import {
  cert,
  CLOSED_PORT,
  LEGACY_CIPHERS,
  startGarbageServer,
  startPlainHttpServer,
  startSilentServer,
  startTlsServer,
  type RunningServer,
  type TlsServerOptions,
} from '../helpers/tls-servers.js';

import { CHECK_TLS_IDS } from '../helpers/check-tls-ids.js';

const ROOT_CA = ['--ca', cert('root-ca.pem')];
const IDS = CHECK_TLS_IDS;
type Id = (typeof IDS)[number];
type Status = 'pass' | 'warn' | 'fail' | 'skip';

/** All pass, except the ones named. */
function expected(overrides: Partial<Record<Id, Status>> = {}): Record<Id, Status> {
  return Object.fromEntries(IDS.map((id) => [id, overrides[id] ?? 'pass'])) as Record<Id, Status>;
}

function statuses(report: CheckTlsReport): Record<string, string> {
  return Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
}

const servers: RunningServer[] = [];
async function serve(options: TlsServerOptions): Promise<RunningServer> {
  const server = await startTlsServer(options);
  servers.push(server);
  return server;
}

after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function checkJson(args: string[], code: number): Promise<CheckTlsReport> {
  const run = await runCli(['check-tls', ...args, '--json']);
  assert.equal(run.stderr, '', 'nothing on stderr');
  assert.equal(run.code, code, run.stdout);
  const report = JSON.parse(run.stdout) as CheckTlsReport;
  assert.deepEqual(
    report.checks.map((c) => c.id),
    [...IDS],
    'all eleven checks, in the contract order',
  );
  assert.equal(report.ok, code === 0);
  for (const c of report.checks) assert.ok(c.message.length > 10, `${c.id} has a message`);
  return report;
}

const GOOD = { key: 'good.key', cert: 'good-chain.pem' };

describe('check-tls: protocol versions', () => {
  test('TLS 1.2 + 1.3, full chain: every check passes, exit 0', async () => {
    const { port } = await serve(GOOD);
    const report = await checkJson([`127.0.0.1:${port}`, ...ROOT_CA], 0);
    assert.deepEqual(statuses(report), expected());
    assert.deepEqual(report.protocols, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
    assert.equal(report.negotiated?.protocol, 'TLSv1.3');
    assert.equal(report.negotiated?.alpn, 'h2');
    assert.equal(report.host, '127.0.0.1');
    assert.equal(report.port, port);
    assert.equal(report.certificate?.subject, 'CN=localhost,O=tc-webhook tests');
    assert.equal(report.certificate?.issuer, 'CN=tc-webhook Test Intermediate CA,O=tc-webhook tests');
    assert.deepEqual(report.certificate?.subjectAltNames.slice(0, 2), ['DNS:localhost', 'IP:127.0.0.1']);
    assert.equal(report.certificate?.validFrom, '2025-01-01T00:00:00.000Z');
    assert.equal(report.certificate?.selfSigned, false);
    assert.equal(report.certificate?.keyType, 'RSA');
    assert.equal(report.certificate?.keyBits, 2048);
    assert.equal(report.certificate?.signatureAlgorithm, 'sha256WithRSAEncryption');
    assert.match(report.certificate?.fingerprint256 ?? '', /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    assert.equal(report.chain.length, 2);
  });

  test('TLS 1.2 only: modern passes on TLS 1.2 and suggests 1.3', async () => {
    const { port } = await serve({ ...GOOD, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' });
    const report = await checkJson([`127.0.0.1:${port}`, ...ROOT_CA], 0);
    assert.deepEqual(statuses(report), expected());
    assert.deepEqual(report.protocols, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': false });
    assert.equal(report.negotiated?.protocol, 'TLSv1.2');
    assert.match(report.checks[1]!.message, /TLS 1\.2 accepted \(TLS 1\.3 is not/);
  });

  test('TLS 1.3 only', async () => {
    const { port } = await serve({ ...GOOD, minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' });
    const report = await checkJson([`127.0.0.1:${port}`, ...ROOT_CA], 0);
    assert.deepEqual(statuses(report), expected());
    assert.deepEqual(report.protocols, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': true });
  });

  test('legacy TLS 1.0/1.1 only: modern fails, legacy warns, exit 1', async () => {
    const { port } = await serve({
      ...GOOD,
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1.1',
      ciphers: LEGACY_CIPHERS,
    });
    const report = await checkJson([`127.0.0.1:${port}`, ...ROOT_CA], 1);
    assert.deepEqual(statuses(report), expected({ 'tls.modern': 'fail', 'tls.legacy': 'warn' }));
    assert.deepEqual(report.protocols, { TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': false, 'TLSv1.3': false });
    assert.equal(report.negotiated?.protocol, 'TLSv1.1');
    assert.match(report.checks[1]!.message, /only TLS 1\.0 and TLS 1\.1/);
  });

  test('a TLS server with no cipher in common: modern fails, nothing to inspect, exit 1', async () => {
    // An RSA certificate with only ECDSA suites offered: the server speaks TLS but every handshake fails.
    const { port } = await serve({
      ...GOOD,
      maxVersion: 'TLSv1.2',
      ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256',
    });
    const report = await checkJson([`127.0.0.1:${port}`, ...ROOT_CA], 1);
    const skipped = Object.fromEntries(
      IDS.filter((id) => id.startsWith('cert.') || id === 'tls.client-cert').map((id) => [id, 'skip']),
    );
    assert.deepEqual(statuses(report), { ...expected({ 'tls.modern': 'fail' }), ...skipped });
    assert.match(report.checks[1]!.message, /no version or cipher in common/);
    assert.equal(report.certificate, null);
    assert.deepEqual(report.chain, []);
  });

  test('TLS 1.0 to 1.3: legacy warns, exit 0', async () => {
    const { port } = await serve({
      ...GOOD,
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1.3',
      ciphers: LEGACY_CIPHERS,
    });
    const report = await checkJson([`127.0.0.1:${port}`, ...ROOT_CA], 0);
    assert.deepEqual(statuses(report), expected({ 'tls.legacy': 'warn' }));
    assert.deepEqual(report.protocols, { TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': true });
  });
});

describe('check-tls: certificates', () => {
  test('leaf-only chain: chain and trust fail with the fix', async () => {
    const { port } = await serve({ key: 'good.key', cert: 'good.pem' });
    const report = await checkJson([`127.0.0.1:${port}`, ...ROOT_CA], 1);
    assert.deepEqual(statuses(report), expected({ 'cert.trusted': 'fail', 'cert.chain': 'fail' }));
    const chain = report.checks.find((c) => c.id === 'cert.chain')!;
    assert.match(
      chain.message,
      /sends only the leaf certificate.*configure the full chain \(leaf \+ intermediate\)/,
    );
    assert.equal(report.chain.length, 1);
  });

  test('leaf-only chain rescued by --ca intermediate: trusted, but the chain still fails', async () => {
    const { port } = await serve({ key: 'good.key', cert: 'good.pem' });
    const report = await checkJson([`127.0.0.1:${port}`, ...ROOT_CA, '--ca', cert('intermediate-ca.pem')], 1);
    assert.deepEqual(statuses(report), expected({ 'cert.chain': 'fail' }));
    assert.match(report.checks[7]!.message, /only because --ca supplies it/);
  });

  test('self-signed: self-signed and untrusted, chain not applicable', async () => {
    const { port } = await serve({ key: 'self-signed.key', cert: 'self-signed.pem' });
    const report = await checkJson([`127.0.0.1:${port}`, ...ROOT_CA], 1);
    assert.deepEqual(
      statuses(report),
      expected({ 'cert.trusted': 'fail', 'cert.self-signed': 'fail', 'cert.chain': 'skip' }),
    );
    assert.equal(report.certificate?.selfSigned, true);
    assert.match(report.checks[3]!.message, /self-signed/);
  });

  test('self-signed but trusted with --ca: still fails cert.self-signed', async () => {
    const { port } = await serve({ key: 'self-signed.key', cert: 'self-signed.pem' });
    const report = await checkJson([`127.0.0.1:${port}`, '--ca', cert('self-signed.pem')], 1);
    assert.deepEqual(statuses(report), expected({ 'cert.self-signed': 'fail', 'cert.chain': 'skip' }));
  });

  test('untrusted CA (no --ca): trust fails as an unknown CA, not as self-signed', async () => {
    const { port } = await serve(GOOD);
    const report = await checkJson([`127.0.0.1:${port}`], 1);
    assert.deepEqual(statuses(report), expected({ 'cert.trusted': 'fail', 'cert.chain': 'skip' }));
    assert.match(
      report.checks[3]!.message,
      /"CN=tc-webhook Test Root CA,O=tc-webhook tests" is not in the public root store/,
    );
  });

  test('server sends its untrusted root too: untrusted root, chain complete', async () => {
    const { port } = await serve({ key: 'good.key', cert: 'good-chain-with-root.pem' });
    const report = await checkJson([`127.0.0.1:${port}`], 1);
    assert.deepEqual(statuses(report), expected({ 'cert.trusted': 'fail' }));
    assert.match(report.checks[3]!.message, /ends at the root "CN=tc-webhook Test Root CA/);
    assert.equal(report.chain.length, 3);
  });

  test('expired: validity fails, trust is still judged on the chain', async () => {
    const { port } = await serve({ key: 'expired.key', cert: 'expired-chain.pem' });
    const report = await checkJson([`127.0.0.1:${port}`, ...ROOT_CA], 1);
    assert.deepEqual(statuses(report), expected({ 'cert.validity': 'fail' }));
    assert.match(report.checks[6]!.message, /expired on 2021-01-01/);
    assert.ok(report.certificate!.daysLeft < 0);
    const human = await runCli(['check-tls', `127.0.0.1:${port}`, ...ROOT_CA]);
    assert.match(human.stdout, /^ {2}Valid {8}\S+ to 2021-01-01 \(expired \d+ days ago\)$/m);
    // Without --ca the root is unknown, and an expiry must not hide that (OpenSSL reports only expiry).
    const untrusted = await checkJson([`127.0.0.1:${port}`], 1);
    assert.deepEqual(
      statuses(untrusted),
      expected({ 'cert.validity': 'fail', 'cert.trusted': 'fail', 'cert.chain': 'skip' }),
    );
  });

  test('not yet valid: validity fails', async () => {
    const { port } = await serve({ key: 'not-yet-valid.key', cert: 'not-yet-valid-chain.pem' });
    const report = await checkJson([`127.0.0.1:${port}`, ...ROOT_CA], 1);
    assert.deepEqual(statuses(report), expected({ 'cert.validity': 'fail' }));
    assert.match(report.checks[6]!.message, /not valid yet: it starts on 2090-01-01/);
  });

  test('wrong host: hostname fails; --servername names the host it covers', async () => {
    const { port } = await serve({ key: 'wrong-host.key', cert: 'wrong-host-chain.pem' });
    const report = await checkJson([`127.0.0.1:${port}`, ...ROOT_CA], 1);
    assert.deepEqual(statuses(report), expected({ 'cert.hostname': 'fail' }));
    assert.match(report.checks[5]!.message, /does not cover "127\.0\.0\.1" \(it names DNS:wrong\.example\)/);
    assert.equal(report.certificate?.keyType, 'EC');
    assert.equal(report.certificate?.keyBits, 256);
    const named = await checkJson([`127.0.0.1:${port}`, ...ROOT_CA, '--servername', 'wrong.example'], 0);
    assert.deepEqual(statuses(named), expected());
  });

  test('RSA 1024 key: key warns, exit 0', async () => {
    const { port } = await serve({ key: 'rsa1024.key', cert: 'rsa1024-chain.pem', ciphers: LEGACY_CIPHERS });
    const report = await checkJson([`127.0.0.1:${port}`, ...ROOT_CA], 0);
    assert.deepEqual(statuses(report), expected({ 'cert.key': 'warn' }));
    assert.equal(report.certificate?.keyBits, 1024);
  });

  test('SHA-1 signature: signature warns, exit 0', async () => {
    // Node's OpenSSL will not even load a SHA-1 certificate at its default level.
    const { port } = await serve({ key: 'sha1.key', cert: 'sha1-chain.pem', ciphers: LEGACY_CIPHERS });
    const report = await checkJson([`127.0.0.1:${port}`, ...ROOT_CA], 0);
    assert.deepEqual(statuses(report), expected({ 'cert.signature': 'warn' }));
    assert.equal(report.certificate?.signatureAlgorithm, 'sha1WithRSAEncryption');
    assert.match(report.checks[9]!.message, /SHA-1/);
  });
});

describe('check-tls: client certificates (Tradecloud presents none)', () => {
  const clientCert = (report: CheckTlsReport) => report.checks.find((c) => c.id === 'tls.client-cert')!;

  test('TLS 1.3 only, a client certificate required: tls.client-cert fails on the certificate_required alert, exit 1', async () => {
    const server = await serve({ ...GOOD, minVersion: 'TLSv1.3', clientCertificate: 'require' });
    const report = await checkJson([`127.0.0.1:${server.port}`, ...ROOT_CA], 1);
    assert.deepEqual(statuses(report), expected({ 'tls.client-cert': 'fail' }));
    assert.match(
      clientCert(report).message,
      /demands a client certificate \(it answers a TLS 1\.3 handshake without one with the certificate_required alert\); Tradecloud presents none/,
    );
    assert.deepEqual(report.protocols, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': true });
    assert.equal(server.appBytes(), 0, 'still no application data');
  });

  test('TLS 1.2 only, a client certificate required: found by offering a throwaway certificate, exit 1', async () => {
    const server = await serve({ ...GOOD, maxVersion: 'TLSv1.2', clientCertificate: 'require' });
    const report = await checkJson([`127.0.0.1:${server.port}`, ...ROOT_CA], 1);
    assert.deepEqual(statuses(report), expected({ 'tls.client-cert': 'fail' }));
    assert.match(
      clientCert(report).message,
      /ends a TLS 1\.2 handshake without one with a handshake_failure alert/,
    );
    // Not mistaken for "no version or cipher in common": TLS 1.2 and the certificates are still reported.
    assert.deepEqual(report.protocols, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': false });
    assert.equal(report.negotiated?.protocol, 'TLSv1.2');
    assert.equal(report.chain.length, 2);
    assert.equal(server.appBytes(), 0);
  });

  test('TLS 1.2 and 1.3, a client certificate required: fails, both versions reported', async () => {
    const { port } = await serve({ ...GOOD, clientCertificate: 'require' });
    const report = await checkJson([`127.0.0.1:${port}`, ...ROOT_CA], 1);
    assert.deepEqual(statuses(report), expected({ 'tls.client-cert': 'fail' }));
    assert.deepEqual(report.protocols, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
    assert.match(clientCert(report).message, /certificate_required/);
  });

  for (const [name, versions] of [
    ['TLS 1.3', { minVersion: 'TLSv1.3' }],
    ['TLS 1.2', { maxVersion: 'TLSv1.2' }],
  ] as const) {
    test(`${name}, a client certificate requested but optional: passes, exit 0`, async () => {
      const { port } = await serve({ ...GOOD, ...versions, clientCertificate: 'request' });
      const report = await checkJson([`127.0.0.1:${port}`, ...ROOT_CA], 0);
      assert.deepEqual(statuses(report), expected());
      assert.match(clientCert(report).message, /a client without a certificate is accepted/);
    });
  }

  test('the human report names the finding', async () => {
    const { port } = await serve({ ...GOOD, minVersion: 'TLSv1.3', clientCertificate: 'require' });
    const run = await runCli(['check-tls', `127.0.0.1:${port}`, ...ROOT_CA]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^ {2}FAIL {2}tls\.client-cert {3}the server demands a client certificate/m);
    assert.match(run.stdout, /^FAILED: 1 check failed$/m);
  });
});

describe('check-tls: targets', () => {
  test('https://localhost:PORT/path: SNI and host name "localhost"', async () => {
    const { port } = await serve(GOOD);
    const report = await checkJson([`https://localhost:${port}/tradecloud/hook`, ...ROOT_CA], 0);
    assert.deepEqual(statuses(report), expected());
    assert.equal(report.host, 'localhost');
    assert.match(report.checks[5]!.message, /covers "localhost"/);
  });

  test('IPv6 literal [::1]', async (t) => {
    let server: RunningServer;
    try {
      server = await serve({ ...GOOD, host: '::1' });
    } catch {
      t.skip('no IPv6 loopback on this machine');
      return;
    }
    const report = await checkJson([`[::1]:${server.port}`, ...ROOT_CA], 0);
    assert.equal(report.host, '::1');
    assert.deepEqual(statuses(report), expected());
  });

  test('http:// target: https fails, the rest is skipped, exit 1', async () => {
    const { port } = await serve(GOOD);
    const report = await checkJson([`http://127.0.0.1:${port}/hook`, ...ROOT_CA], 1);
    const all = Object.fromEntries(IDS.map((id) => [id, 'skip']));
    assert.deepEqual(statuses(report), { ...all, https: 'fail' });
    assert.match(report.checks[0]!.message, /Tradecloud delivers only to https:\/\/ URLs/);
    assert.equal(report.certificate, null);
    assert.equal(report.negotiated, null);
  });

  test('check-tls sends no application data', async () => {
    const server = await serve(GOOD);
    await checkJson([`127.0.0.1:${server.port}`, ...ROOT_CA], 0);
    assert.equal(server.appBytes(), 0);
  });
});

describe('check-tls: cannot check (exit 2, one line)', () => {
  const oneLine = (stderr: string) => {
    assert.equal(stderr.trim().split('\n').length, 1, stderr);
    assert.doesNotMatch(stderr, /internal error|\n\s+at /);
  };
  let silent: RunningServer;
  let garbage: RunningServer;
  let http: RunningServer;
  before(async () => {
    [silent, garbage, http] = await Promise.all([
      startSilentServer(),
      startGarbageServer(),
      startPlainHttpServer(),
    ]);
  });
  after(async () => {
    await Promise.all([silent.close(), garbage.close(), http.close()]);
  });

  test('closed port: connection refused', async () => {
    const port = CLOSED_PORT;
    const run = await runCli(['check-tls', `127.0.0.1:${port}`, '--json']);
    assert.equal(run.code, 2);
    assert.equal(
      run.stdout,
      `${JSON.stringify({ error: { code: 'network.refused', message: `cannot connect to 127.0.0.1:${port}: connection refused`, hint: 'Check the host and port, and that the server is running' } })}\n`,
    );
    assert.equal(
      run.stderr,
      `tc-webhook: cannot connect to 127.0.0.1:${port}: connection refused. Check the host and port, and that the server is running\n`,
    );
  });

  test('silent port: gives up at --timeout', async () => {
    const run = await runCli(['check-tls', `127.0.0.1:${silent.port}`, '--timeout', '1000']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    oneLine(run.stderr);
    assert.match(
      run.stderr,
      new RegExp(
        `^tc-webhook: 127\\.0\\.0\\.1:${silent.port} accepted the connection but did not answer the TLS handshake within 1000 ms\\. `,
      ),
    );
  });

  test('a port that writes garbage', async () => {
    const run = await runCli(['check-tls', `127.0.0.1:${garbage.port}`]);
    assert.equal(run.code, 2);
    oneLine(run.stderr);
    assert.match(run.stderr, /does not speak TLS \(got 16 bytes of binary data: 8f1c2a00ffee99887766\w*…\)/);
  });

  test('plain HTTP on the port', async () => {
    const run = await runCli(['check-tls', `https://127.0.0.1:${http.port}/`]);
    assert.equal(run.code, 2);
    oneLine(run.stderr);
    assert.match(run.stderr, /does not speak TLS \(got "HTTP\/1\.1 400 Bad Request…"\)\. Check the port/);
  });

  test('unresolvable host name', async () => {
    const run = await runCli(['check-tls', 'tc-webhook-test.invalid', '--timeout', '3000']);
    assert.equal(run.code, 2);
    oneLine(run.stderr);
    assert.match(
      run.stderr,
      /cannot connect to tc-webhook-test\.invalid:\d+: host name not found|did not answer within 3000 ms/,
    );
  });

  test('bad input: unreadable --ca, unsupported scheme', async () => {
    const missing = await runCli(['check-tls', '127.0.0.1:1', '--ca', 'no-such-ca.pem']);
    assert.equal(missing.code, 2);
    assert.equal(
      missing.stderr,
      'tc-webhook: cannot read --ca file "no-such-ca.pem": no such file or directory. Pass the path of a PEM file with your CA certificate(s)\n',
    );
    const notPem = await runCli(['check-tls', '127.0.0.1:1', '--ca', cert('good.key')]);
    assert.equal(notPem.code, 2);
    assert.match(notPem.stderr, /--ca file ".*good\.key" contains no PEM certificate/);
    const scheme = await runCli(['check-tls', 'ftp://example.com']);
    assert.equal(scheme.code, 2);
    assert.match(scheme.stderr, /unsupported scheme "ftp:\/\/"/);
  });
});

describe('check-tls: the human report says what the JSON says', () => {
  for (const [name, options, extra] of [
    ['good', GOOD, []],
    ['leaf-only', { key: 'good.key', cert: 'good.pem' }, []],
    ['legacy', { ...GOOD, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: LEGACY_CIPHERS }, []],
  ] as const) {
    test(name, async () => {
      const { port } = await serve(options);
      const args = ['check-tls', `127.0.0.1:${port}`, ...ROOT_CA, ...extra];
      const [human, json] = await Promise.all([runCli(args), runCli([...args, '--json'])]);
      assert.equal(human.code, json.code);
      const report = JSON.parse(json.stdout) as CheckTlsReport;
      const rows = human.stdout
        .split('\n')
        .map((line) => /^ {2}(PASS|WARN|FAIL|SKIP) {2}(\S+) +(.*)$/.exec(line))
        .filter((m) => m !== null)
        .map((m) => ({ id: m[2], status: m[1]!.toLowerCase(), message: m[3] }));
      assert.deepEqual(rows, report.checks);
      assert.ok(human.stdout.includes(report.certificate!.fingerprint256));
      assert.match(human.stdout, json.code === 0 ? /^OK: no check failed/m : /^FAILED: \d+ checks? failed/m);
    });
  }
});
