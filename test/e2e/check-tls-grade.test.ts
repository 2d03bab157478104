/**
 * check-tls --grade / --min-grade through the real CLI against real HTTPS servers on 127.0.0.1, each
 * with a chosen protocol range, cipher list and fixture certificate. Each case asserts the letter,
 * the caps, and that the suites found are exactly the ones the server was configured with.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { CheckTlsReport } from '../../src/commands/check-tls.js';
import type { TlsGrade } from '../../src/core/tls/grade/grade-types.js';
import { startGradeServer, type GradeServer, type GradeServerOptions } from '../helpers/grade-servers.js';
import { runCli } from '../helpers/run-cli.js';
import { cert, startTlsServer } from '../helpers/tls-servers.js';

const ROOT_CA = ['--ca', cert('root-ca.pem')];
const TLS13_DEFAULT = ['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256'];
const MODERN = 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305';

const servers: GradeServer[] = [];
const closers: (() => Promise<void>)[] = [];
after(async () => {
  await Promise.all([...servers.map((s) => s.close()), ...closers.map((close) => close())]);
});

async function serve(options: GradeServerOptions): Promise<string> {
  const server = await startGradeServer(options);
  servers.push(server);
  return `https://127.0.0.1:${server.port}/hook`;
}

async function grade(args: string[], code = 0): Promise<{ report: CheckTlsReport; grade: TlsGrade }> {
  const run = await runCli(['check-tls', ...args, '--grade', '--json']);
  assert.equal(run.code, code, run.stderr);
  const report = JSON.parse(run.stdout) as CheckTlsReport;
  assert.ok(report.grade, 'the report has a grade');
  return { report, grade: report.grade };
}

const capIds = (g: TlsGrade) => g.caps.map((c) => c.id).sort();
const opensslNames = (g: TlsGrade, version: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3') =>
  (g.suites[version] ?? []).map((s) => s.openssl).sort();

describe('check-tls --grade', () => {
  test('modern TLS 1.2 + 1.3, AEAD and ECDHE only, no HSTS: A (A+ needs HSTS)', async () => {
    const url = await serve({ key: 'good.key', cert: 'good-chain.pem', ciphers: MODERN });
    const { grade: g } = await grade([url, ...ROOT_CA]);
    assert.equal(g.letter, 'A');
    assert.equal(g.letterIgnoringTrust, 'A');
    assert.deepEqual(capIds(g), ['hsts.missing']);
    assert.deepEqual(opensslNames(g, 'TLSv1.2'), MODERN.split(':').sort());
    assert.deepEqual(opensslNames(g, 'TLSv1.3'), [...TLS13_DEFAULT].sort());
    assert.ok(
      Object.values(g.suites)
        .flat()
        .every((s) => s.forwardSecrecy && s.aead && !s.weak),
    );
    assert.deepEqual(g.hsts, { present: false, maxAge: null, includeSubDomains: false, preload: false });
    assert.deepEqual(g.scores, { protocol: 100, keyExchange: 90, cipherStrength: 90, total: 93 });
    assert.equal(g.ocspStapling, false);
    assert.deepEqual(g.sct, { present: false, count: 0 });
    assert.equal(g.ssl3, false);
    assert.ok(g.keyExchange.groups.some((x) => x.name === 'X25519'));
  });

  test('the same with HSTS for a year and embedded SCTs: A+, and --min-grade A+ passes', async () => {
    const url = await serve({
      key: 'sct.key',
      cert: 'sct-chain.pem',
      ciphers: MODERN,
      hsts: 'max-age=31536000; includeSubDomains; preload',
    });
    const run = await runCli(['check-tls', url, ...ROOT_CA, '--min-grade', 'A+', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const g = (JSON.parse(run.stdout) as CheckTlsReport).grade!;
    assert.equal(g.letter, 'A+');
    assert.deepEqual(g.caps, []);
    assert.deepEqual(g.hsts, { present: true, maxAge: 31536000, includeSubDomains: true, preload: true });
    assert.deepEqual(g.sct, { present: true, count: 2 });
    assert.deepEqual(g.minimum, { letter: 'A+', met: true });
  });

  test('a stapled OCSP response is seen', async () => {
    const url = await serve({
      key: 'good.key',
      cert: 'good-chain.pem',
      ciphers: MODERN,
      ocspResponse: Buffer.from('30030a0100', 'hex'), // an OCSPResponse: status successful, no body
    });
    const { grade: g } = await grade([url, ...ROOT_CA]);
    assert.equal(g.ocspStapling, true);
  });

  test('HSTS under six months: A, capped by hsts.short', async () => {
    const url = await serve({
      key: 'good.key',
      cert: 'good-chain.pem',
      ciphers: MODERN,
      hsts: 'max-age=86400',
    });
    const { grade: g } = await grade([url, ...ROOT_CA]);
    assert.equal(g.letter, 'A');
    assert.deepEqual(capIds(g), ['hsts.short']);
  });

  test('TLS 1.0 and 1.1 also accepted: capped at B, and --min-grade A fails with exit 1', async () => {
    const ciphers = 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA@SECLEVEL=0';
    const url = await serve({ key: 'good.key', cert: 'good-chain.pem', minVersion: 'TLSv1', ciphers });
    const run = await runCli(['check-tls', url, ...ROOT_CA, '--min-grade', 'A', '--json']);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as CheckTlsReport;
    const g = report.grade!;
    assert.equal(g.letter, 'B');
    assert.equal(report.ok, false);
    assert.deepEqual(g.minimum, { letter: 'A', met: false });
    assert.deepEqual(capIds(g), ['hsts.missing', 'protocol.legacy']);
    const legacy = g.caps.find((c) => c.id === 'protocol.legacy')!;
    assert.match(legacy.reason, /TLS 1\.0 and 1\.1 are accepted/);
    assert.match(legacy.fix, /disable them/);
    assert.deepEqual(opensslNames(g, 'TLSv1'), ['ECDHE-RSA-AES128-SHA']);
    assert.deepEqual(opensslNames(g, 'TLSv1.1'), ['ECDHE-RSA-AES128-SHA']);
    assert.deepEqual(opensslNames(g, 'TLSv1.2'), ['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-SHA']);
    assert.equal(g.scores.protocol, 95);
  });

  test('RSA key exchange only: no forward secrecy, capped at B', async () => {
    const ciphers = 'AES128-GCM-SHA256:AES256-GCM-SHA384';
    const url = await serve({ key: 'good.key', cert: 'good-chain.pem', maxVersion: 'TLSv1.2', ciphers });
    const { grade: g } = await grade([url, ...ROOT_CA]);
    assert.equal(g.letter, 'B');
    assert.deepEqual(capIds(g), ['hsts.missing', 'kx.no-forward-secrecy']);
    assert.deepEqual(opensslNames(g, 'TLSv1.2'), ciphers.split(':').sort());
    assert.ok(g.suites['TLSv1.2']!.every((s) => s.kx === 'RSA' && !s.forwardSecrecy));
  });

  test('RSA key exchange preferred over ECDHE in the server order: A-; in client order: no cap', async () => {
    const ciphers = 'AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256';
    const preferred = await serve({
      key: 'good.key',
      cert: 'good-chain.pem',
      ciphers,
      honorCipherOrder: true,
    });
    const { grade: g } = await grade([preferred, ...ROOT_CA]);
    assert.equal(g.letter, 'A-');
    assert.deepEqual(capIds(g), ['hsts.missing', 'kx.partial-forward-secrecy']);
    assert.equal(g.serverOrder['TLSv1.2'], true);
    assert.deepEqual(
      g.suites['TLSv1.2']!.map((s) => s.openssl),
      ciphers.split(':'),
      "listed in the server's order",
    );
    const clientOrder = await serve({ key: 'good.key', cert: 'good-chain.pem', ciphers });
    const { grade: c } = await grade([clientOrder, ...ROOT_CA]);
    assert.equal(c.letter, 'A');
    assert.equal(c.serverOrder['TLSv1.2'], false);
  });

  test('CBC-only TLS 1.2: no AEAD, capped at B', async () => {
    const ciphers = 'ECDHE-RSA-AES128-SHA256:ECDHE-RSA-AES128-SHA';
    const url = await serve({ key: 'good.key', cert: 'good-chain.pem', maxVersion: 'TLSv1.2', ciphers });
    const { grade: g } = await grade([url, ...ROOT_CA]);
    assert.equal(g.letter, 'B');
    assert.deepEqual(capIds(g), ['cipher.no-aead', 'hsts.missing']);
    assert.deepEqual(opensslNames(g, 'TLSv1.2'), ciphers.split(':').sort());
    assert.ok(g.suites['TLSv1.2']!.every((s) => s.cbc && !s.aead));
  });

  test('a 1024-bit DH group: weak key exchange, capped at B', async () => {
    const url = await serve({
      key: 'good.key',
      cert: 'good-chain.pem',
      maxVersion: 'TLSv1.2',
      ciphers: 'DHE-RSA-AES128-GCM-SHA256@SECLEVEL=0',
      dhparam: 'dh1024.pem',
    });
    const { grade: g } = await grade([url, ...ROOT_CA]);
    assert.equal(g.letter, 'B');
    assert.equal(g.keyExchange.dhBits, 1024);
    assert.equal(g.scores.keyExchange, 80);
    assert.deepEqual(capIds(g), ['hsts.missing', 'kx.weak']);
    assert.deepEqual(opensslNames(g, 'TLSv1.2'), ['DHE-RSA-AES128-GCM-SHA256']);
  });

  test('an RSA-1024 leaf: weak key exchange, capped at B', async () => {
    const url = await serve({
      key: 'rsa1024.key',
      cert: 'rsa1024-chain.pem',
      ciphers: `${MODERN}@SECLEVEL=0`,
    });
    const { grade: g } = await grade([url, ...ROOT_CA]);
    assert.equal(g.letter, 'B');
    assert.ok(capIds(g).includes('kx.weak'));
    assert.equal(g.scores.keyExchange, 80);
  });

  test('a SHA-1 signed leaf: T, and A if trust were fixed', async () => {
    const url = await serve({ key: 'sha1.key', cert: 'sha1-chain.pem', ciphers: `${MODERN}@SECLEVEL=0` });
    const { grade: g } = await grade([url, ...ROOT_CA]);
    assert.equal(g.letter, 'T');
    assert.equal(g.letterIgnoringTrust, 'A');
    assert.ok(capIds(g).includes('cert.sha1'));
  });

  test('self-signed: T; HSTS is not fetched (null); --min-grade F still fails', async () => {
    const url = await serve({
      key: 'self-signed.key',
      cert: 'self-signed.pem',
      ciphers: MODERN,
      hsts: 'max-age=31536000',
    });
    const { grade: g } = await grade([url, '--min-grade', 'F'], 1);
    assert.equal(g.letter, 'T');
    assert.equal(g.letterIgnoringTrust, 'A');
    assert.equal(g.hsts, null);
    assert.deepEqual(capIds(g), ['cert.self-signed', 'hsts.unknown']);
    assert.deepEqual(g.minimum, { letter: 'F', met: false });
  });

  test('wrong host: M', async () => {
    const url = await serve({ key: 'wrong-host.key', cert: 'wrong-host-chain.pem' });
    const { grade: g } = await grade([url, ...ROOT_CA], 1);
    assert.equal(g.letter, 'M');
    assert.equal(g.letterIgnoringTrust, 'A');
    assert.deepEqual(capIds(g), ['cert.hostname', 'hsts.unknown']);
    assert.ok(g.suites['TLSv1.2']!.every((s) => s.name.includes('ECDSA')));
  });

  test('--servername is the name the HSTS request verifies and sends (an IP target, a named certificate)', async () => {
    const url = await serve({
      key: 'wrong-host.key',
      cert: 'wrong-host-chain.pem',
      hsts: 'max-age=31536000',
    });
    const { grade: g } = await grade([url, ...ROOT_CA, '--servername', 'wrong.example']);
    assert.equal(g.letter, 'A+');
    assert.deepEqual(g.hsts, { present: true, maxAge: 31536000, includeSubDomains: false, preload: false });
  });

  test('expired: T', async () => {
    const url = await serve({ key: 'expired.key', cert: 'expired-chain.pem', ciphers: MODERN });
    const { grade: g } = await grade([url, ...ROOT_CA], 1);
    assert.equal(g.letter, 'T');
    assert.deepEqual(capIds(g), ['cert.validity', 'hsts.unknown']);
  });
});

describe('check-tls --grade: the report and the flags', () => {
  test('the human report puts the grade, the caps and the suite table on top, and says it is an estimate', async () => {
    const ciphers = 'ECDHE-RSA-AES128-SHA256:ECDHE-RSA-AES128-SHA';
    const url = await serve({ key: 'good.key', cert: 'good-chain.pem', maxVersion: 'TLSv1.2', ciphers });
    const run = await runCli(['check-tls', url, ...ROOT_CA, '--grade']);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.equal(lines[2], '  Grade B');
    assert.match(run.stdout, /estimate following SSL Labs' published rating rules, not an SSL Labs result/);
    assert.match(run.stdout, /B +no AEAD suite .*: enable TLS 1\.3/);
    assert.match(run.stdout, /TLS 1\.2 suites \(2, /);
    assert.match(run.stdout, /TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 +ECDHE +128 bits {2}CBC/);
    assert.ok(run.stdout.indexOf('Grade B') < run.stdout.indexOf('PASS  https'));
  });

  test('a server that never answers the HSTS GET: HSTS unknown (null) once --timeout has passed', async () => {
    // startTlsServer completes handshakes and never answers HTTP.
    const server = await startTlsServer({ key: 'good.key', cert: 'good-chain.pem', ciphers: MODERN });
    closers.push(() => server.close());
    const { grade: g } = await grade([`https://127.0.0.1:${server.port}/`, ...ROOT_CA, '--timeout', '1500']);
    assert.equal(g.hsts, null);
    assert.equal(g.letter, 'A');
    assert.deepEqual(capIds(g), ['hsts.unknown']);
    assert.equal(server.appBytes() > 0, true, 'the GET was sent');
  });

  test('plain check-tls has no grade', async () => {
    const url = await serve({ key: 'good.key', cert: 'good-chain.pem', ciphers: MODERN });
    const run = await runCli(['check-tls', url, ...ROOT_CA, '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as CheckTlsReport).grade, undefined);
  });

  test('an invalid --min-grade is a usage error (exit 2, one line, nothing on stdout)', async () => {
    for (const bad of ['T', 'M', 'G', 'A++']) {
      const run = await runCli(['check-tls', 'https://127.0.0.1:1/', '--min-grade', bad]);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /--min-grade must be one of A\+, A, A-, B, C, D, E, F/);
      assert.doesNotMatch(run.stderr, /\n {4}at /, 'no stack trace');
    }
  });

  test('--min-grade accepts lower case letters', async () => {
    const url = await serve({ key: 'good.key', cert: 'good-chain.pem', ciphers: MODERN });
    const { grade: g } = await grade([url, ...ROOT_CA, '--min-grade', 'a-']);
    assert.deepEqual(g.minimum, { letter: 'A-', met: true });
  });
});
