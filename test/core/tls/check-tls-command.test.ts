/**
 * The command with its injectable parts: the TLS connect function (here a wrapper around the real
 * tls.connect that records each handshake and, for --probe-https, points port 443 at a loopback test
 * server), the clock and the public root store. The network itself stays real.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { connect, rootCertificates, type ConnectionOptions } from 'node:tls';
import { testContext } from '../../helpers/command-context.js';
import { checkTlsCommand } from '../../../src/commands/check-tls.js';
import type { CheckTlsOptions } from '../../../src/commands/options.js';
import { cert, startTlsServer, type RunningServer } from '../../helpers/tls-servers.js';

let server: RunningServer;
before(async () => {
  server = await startTlsServer({ key: 'good.key', cert: 'good-chain.pem' });
});
after(() => server.close());

const options = (overrides: Partial<CheckTlsOptions>): CheckTlsOptions => ({
  target: `127.0.0.1:${server.port}`,
  probeHttps: false,
  ca: [cert('root-ca.pem')],
  timeoutMs: 5000,
  ...overrides,
});

test('five handshakes, one per version plus one for trust, and nothing else', async () => {
  const seen: ConnectionOptions[] = [];
  const report = await checkTlsCommand(
    options({}),
    testContext({
      deps: {
        connectTls: (o: ConnectionOptions) => {
          seen.push(o);
          return connect(o);
        },
      },
    }),
  );
  assert.equal(report.ok, true);
  assert.equal(seen.length, 5);
  assert.deepEqual(
    seen.slice(0, 4).map((o) => [o.minVersion, o.maxVersion]),
    [
      ['TLSv1', 'TLSv1'],
      ['TLSv1.1', 'TLSv1.1'],
      ['TLSv1.2', 'TLSv1.2'],
      ['TLSv1.3', 'TLSv1.3'],
    ],
  );
  // No SNI for an IP literal (RFC 6066); the trust handshake brings its own context.
  assert.ok(seen.every((o) => o.servername === undefined));
  assert.ok(seen[4]?.secureContext);
});

test('a TLS 1.2 server that refuses a client without a certificate: one more handshake, offering one', async () => {
  const demanding = await startTlsServer({
    key: 'good.key',
    cert: 'good-chain.pem',
    maxVersion: 'TLSv1.2',
    clientCertificate: 'require',
  });
  try {
    const seen: ConnectionOptions[] = [];
    const report = await checkTlsCommand(
      options({ target: `127.0.0.1:${demanding.port}` }),
      testContext({
        deps: {
          connectTls: (o: ConnectionOptions) => {
            seen.push(o);
            return connect(o);
          },
        },
      }),
    );
    assert.equal(report.checks.find((c) => c.id === 'tls.client-cert')?.status, 'fail');
    assert.equal(seen.length, 6);
    const offered = seen[5]!;
    assert.equal(offered.maxVersion, 'TLSv1.2');
    const throwaway = new X509Certificate(String(offered.cert));
    assert.equal(throwaway.subject, 'CN=tc-webhook client certificate probe');
    assert.ok(throwaway.verify(throwaway.publicKey), 'self-signed, made on the spot');
  } finally {
    await demanding.close();
  }
});

test('--probe-https on an http:// target checks port 443 of that host', async () => {
  const ports: unknown[] = [];
  const report = await checkTlsCommand(
    options({ target: `http://localhost:8080/hook`, probeHttps: true }),
    testContext({
      deps: {
        connectTls: (o: ConnectionOptions) => {
          ports.push(o.port);
          return connect({ ...o, host: '127.0.0.1', port: server.port });
        },
      },
    }),
  );
  assert.deepEqual(new Set(ports), new Set([443]));
  assert.equal(report.port, 443);
  assert.equal(report.ok, false);
  const status = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
  assert.equal(status.https, 'fail');
  assert.equal(status['cert.hostname'], 'pass');
  assert.equal(status['cert.trusted'], 'pass');
});

test('a chosen public root store gives the same verdicts as the built-in one', async () => {
  const root = readFileSync(cert('root-ca.pem'), 'utf8');
  const builtIn = await checkTlsCommand(options({ ca: [] }), testContext());
  const chosen = await checkTlsCommand(
    options({ ca: [] }),
    testContext({ deps: { publicRoots: [...rootCertificates, root] } }),
  );
  assert.equal(builtIn.checks[3]?.status, 'fail');
  assert.equal(chosen.checks[3]?.status, 'pass');
  assert.match(chosen.checks[3].message, /the public root "CN=tc-webhook Test Root CA/);
});

test('the clock is injectable: 10 days before the end, validity warns', async () => {
  const validTo = Date.parse(
    (await checkTlsCommand(options({}), testContext())).certificate?.validTo ?? 'invalid',
  );
  const report = await checkTlsCommand(
    options({}),
    testContext({ deps: { now: () => new Date(validTo - 10 * 86_400_000) } }),
  );
  assert.equal(report.checks[6]?.status, 'warn');
  assert.equal(report.certificate?.daysLeft, 10);
  assert.equal(report.ok, true);
});

test('localhost resolving to ::1 first, refused there: the next address, 127.0.0.1, is checked', async () => {
  const hosts = new Set<unknown>();
  const report = await checkTlsCommand(
    options({ target: `https://localhost:${server.port}/hook`, grade: true }),
    testContext({
      deps: {
        // As on most systems: localhost is ::1 and 127.0.0.1; the test server listens on 127.0.0.1 only.
        lookup: () =>
          Promise.resolve([
            { address: '::1', family: 6 },
            { address: '127.0.0.1', family: 4 },
          ]),
        connectTls: (o: ConnectionOptions) => {
          hosts.add(o.host);
          return connect(o);
        },
      },
    }),
  );
  assert.deepEqual([...hosts], ['127.0.0.1']);
  assert.equal(report.host, 'localhost');
  assert.deepEqual(report.address, {
    probed: '127.0.0.1',
    refused: [{ address: '::1', code: 'ECONNREFUSED' }],
  });
  assert.equal(report.ok, true);
  const status = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
  assert.equal(status['cert.hostname'], 'pass'); // the name checked is still localhost
  assert.ok((report.grade?.suites['TLSv1.3'] ?? []).length > 0, 'the grade probed 127.0.0.1 too');
});

test('localhost whose first address accepts: no fallback, nothing reported', async () => {
  const report = await checkTlsCommand(
    options({ target: `https://localhost:${server.port}/` }),
    testContext({
      deps: {
        lookup: () =>
          Promise.resolve([
            { address: '127.0.0.1', family: 4 },
            { address: '::1', family: 6 },
          ]),
      },
    }),
  );
  assert.equal(report.address, undefined);
  assert.equal(report.ok, true);
});
