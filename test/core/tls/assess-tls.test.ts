import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { rootCertificates } from 'node:tls';
import { assessTls, type AssessTlsInput } from '../../../src/core/tls/assess-tls.js';
import { TLS_CHECK_IDS } from '../../../src/core/tls/assess-types.js';
import type { ProbeResult } from '../../../src/core/tls/probe-types.js';
import { indexTrustAnchors } from '../../../src/core/tls/trust-anchors.js';
import { cert } from '../../helpers/tls-servers.js';

const der = (name: string) => new X509Certificate(readFileSync(cert(name))).raw;
const GOOD_TO = new Date(new X509Certificate(readFileSync(cert('good.pem'))).validTo);
const DAY = 86_400_000;

function probe(overrides: Partial<ProbeResult> = {}): ProbeResult {
  return {
    protocols: { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true },
    untestable: [],
    unknown: {},
    negotiated: { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', alpn: 'h2' },
    servedChain: [der('good.pem'), der('intermediate-ca.pem')],
    verification: { authorized: true, error: null },
    clientCertificate: { demand: 'not-required' },
    ...overrides,
  };
}

function assess(overrides: Partial<AssessTlsInput> = {}) {
  const input: AssessTlsInput = {
    https: true,
    identityHost: 'localhost',
    probe: probe(),
    anchors: indexTrustAnchors({
      publicRoots: rootCertificates,
      extra: [{ pem: readFileSync(cert('root-ca.pem'), 'utf8'), source: '--ca', file: 'root-ca.pem' }],
    }),
    hasExtraCa: true,
    now: new Date('2030-06-01T00:00:00Z'),
    ...overrides,
  };
  const result = assessTls(input);
  assert.deepEqual(
    result.checks.map((c) => c.id),
    [...TLS_CHECK_IDS],
  );
  const status = Object.fromEntries(result.checks.map((c) => [c.id, c.status]));
  const message = Object.fromEntries(result.checks.map((c) => [c.id, c.message]));
  return { result, status, message };
}

test('a good endpoint passes all eleven', () => {
  const { result, status } = assess();
  assert.ok(Object.values(status).every((s) => s === 'pass'));
  assert.equal(result.ok, true);
  assert.equal(result.chain.length, 2);
});

test('validity against an injected clock: under 30 days warns, after the end fails, before the start fails', () => {
  const soon = assess({ now: new Date(GOOD_TO.getTime() - 10 * DAY) });
  assert.equal(soon.status['cert.validity'], 'warn');
  assert.match(soon.message['cert.validity']!, /expires in 10 days, on \d{4}-\d\d-\d\d; renew it soon/);
  assert.equal(soon.result.ok, true);
  assert.equal(assess({ now: new Date(GOOD_TO.getTime() - 31 * DAY) }).status['cert.validity'], 'pass');
  const after = assess({ now: new Date(GOOD_TO.getTime() + 2 * DAY) });
  assert.equal(after.status['cert.validity'], 'fail');
  assert.match(after.message['cert.validity']!, /expired on .* \(2 days ago\)/);
  const before = assess({ now: new Date('2024-12-31T00:00:00Z') });
  assert.equal(before.status['cert.validity'], 'fail');
  assert.match(before.message['cert.validity']!, /not valid yet/);
});

test('an http:// target that was not probed: https fails, the other ten are skipped', () => {
  const { result, status, message } = assess({ https: false, probe: null });
  assert.equal(status.https, 'fail');
  assert.deepEqual(
    new Set(
      Object.entries(status)
        .filter(([id]) => id !== 'https')
        .map(([, s]) => s),
    ),
    new Set(['skip']),
  );
  assert.match(message['cert.trusted']!, /--probe-https/);
  assert.equal(result.certificate, null);
  assert.equal(result.ok, false);
});

test('a TLS server that accepted no version: modern fails, certificate checks skipped', () => {
  const { status } = assess({
    probe: probe({
      protocols: { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': false },
      negotiated: null,
      servedChain: [],
      verification: null,
      clientCertificate: { demand: 'unknown' },
    }),
  });
  assert.equal(status['tls.modern'], 'fail');
  assert.equal(status['cert.trusted'], 'skip');
  assert.equal(status['cert.signature'], 'skip');
  assert.equal(status['tls.client-cert'], 'skip');
});

test('client certificates: demanded fails (naming how it showed), not demanded passes, unknown skips', () => {
  const tls13 = assess({
    probe: probe({
      clientCertificate: { demand: 'required', protocol: 'TLSv1.3', alert: 'certificate_required' },
    }),
  });
  assert.equal(tls13.status['tls.client-cert'], 'fail');
  assert.equal(tls13.result.ok, false);
  assert.match(
    tls13.message['tls.client-cert']!,
    /with the certificate_required alert\); Tradecloud presents none/,
  );
  const tls12 = assess({
    probe: probe({
      clientCertificate: { demand: 'required', protocol: 'TLSv1.2', alert: 'handshake_failure' },
    }),
  });
  assert.match(
    tls12.message['tls.client-cert']!,
    /TLS 1\.2 handshake without one with a handshake_failure alert/,
  );
  assert.equal(assess().status['tls.client-cert'], 'pass');
  assert.equal(
    assess({ probe: probe({ clientCertificate: { demand: 'unknown' } }) }).status['tls.client-cert'],
    'skip',
  );
  assert.equal(assess({ probe: probe({ clientCertificate: undefined }) }).status['tls.client-cert'], 'skip');
});

test('legacy versions that this Node.js cannot offer are skipped, not passed', () => {
  const { status, message } = assess({ probe: probe({ untestable: ['TLSv1', 'TLSv1.1'] }) });
  assert.equal(status['tls.legacy'], 'skip');
  assert.match(message['tls.legacy']!, /cannot offer them/);
});

test("OpenSSL's verdict: an expiry code does not fail trust; another error on a good path does", () => {
  const expired = assess({
    probe: probe({ verification: { authorized: false, error: 'CERT_HAS_EXPIRED' } }),
  });
  assert.equal(expired.status['cert.trusted'], 'pass');
  const invalid = assess({ probe: probe({ verification: { authorized: false, error: 'INVALID_CA' } }) });
  assert.equal(invalid.status['cert.trusted'], 'fail');
  assert.match(invalid.message['cert.trusted']!, /does not verify \(OpenSSL: INVALID_CA\)/);
});

test('host name: Node rules, wildcard-free names, IP literals', () => {
  assert.equal(assess({ identityHost: '127.0.0.1' }).status['cert.hostname'], 'pass');
  assert.equal(assess({ identityHost: '::1' }).status['cert.hostname'], 'pass');
  const other = assess({ identityHost: 'api.localhost' });
  assert.equal(other.status['cert.hostname'], 'fail');
  assert.match(
    other.message['cert.hostname']!,
    /does not cover "api\.localhost" \(it names DNS:localhost, IP:127\.0\.0\.1/,
  );
});

test('weak key and SHA-1 signature are warnings, so the result stays ok', () => {
  const rsa = assess({ probe: probe({ servedChain: [der('rsa1024.pem'), der('intermediate-ca.pem')] }) });
  assert.equal(rsa.status['cert.key'], 'warn');
  assert.match(rsa.message['cert.key']!, /RSA key, 1024 bits, is too weak/);
  const sha1 = assess({ probe: probe({ servedChain: [der('sha1.pem'), der('intermediate-ca.pem')] }) });
  assert.equal(sha1.status['cert.signature'], 'warn');
  assert.equal(sha1.result.ok, true);
});
