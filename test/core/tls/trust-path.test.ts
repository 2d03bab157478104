import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { rootCertificates } from 'node:tls';
import { indexTrustAnchors } from '../../../src/core/tls/trust-anchors.js';
import { buildTrustPath } from '../../../src/core/tls/trust-path.js';
import { cert } from '../../helpers/tls-servers.js';

const pem = (name: string) => readFileSync(cert(name), 'utf8');
const x509 = (name: string) => new X509Certificate(pem(name));
const anchors = (...extra: string[]) =>
  indexTrustAnchors({
    publicRoots: rootCertificates,
    extra: extra.map((name) => ({ pem: pem(name), source: '--ca' as const, file: name })),
  });
const subject = (c: X509Certificate) => c.subject.split('\n').at(-1);

test('full chain to a --ca root: trusted, nothing borrowed', () => {
  const path = buildTrustPath([x509('good.pem'), x509('intermediate-ca.pem')], anchors('root-ca.pem'));
  assert.equal(path.kind, 'trusted');
  if (path.kind !== 'trusted') return;
  assert.equal(path.anchor.source, '--ca');
  assert.equal(subject(path.anchor.cert), 'CN=tc-webhook Test Root CA');
  assert.deepEqual(path.borrowed, []);
});

test('the served order does not matter', () => {
  const path = buildTrustPath(
    [x509('good.pem'), x509('root-ca.pem'), x509('intermediate-ca.pem')],
    anchors('root-ca.pem'),
  );
  assert.equal(path.kind, 'trusted');
});

test('leaf only: its issuer is missing', () => {
  const path = buildTrustPath([x509('good.pem')], anchors('root-ca.pem'));
  assert.equal(path.kind, 'issuer-missing');
  if (path.kind === 'issuer-missing') assert.equal(subject(path.top), 'CN=localhost');
});

test('leaf only, intermediate given with --ca: trusted, the intermediate borrowed', () => {
  const path = buildTrustPath([x509('good.pem')], anchors('intermediate-ca.pem', 'root-ca.pem'));
  assert.equal(path.kind, 'trusted');
  if (path.kind === 'trusted')
    assert.deepEqual(path.borrowed.map(subject), ['CN=tc-webhook Test Intermediate CA']);
});

test('no --ca: the chain stops at the intermediate; with the root served: an untrusted root', () => {
  const served = [x509('good.pem'), x509('intermediate-ca.pem')];
  const missing = buildTrustPath(served, anchors());
  assert.equal(missing.kind, 'issuer-missing');
  if (missing.kind === 'issuer-missing')
    assert.equal(subject(missing.top), 'CN=tc-webhook Test Intermediate CA');
  const root = buildTrustPath([...served, x509('root-ca.pem')], anchors());
  assert.equal(root.kind, 'untrusted-root');
});

test('self-signed leaf: self-signed, unless it is itself a --ca anchor', () => {
  assert.equal(buildTrustPath([x509('self-signed.pem')], anchors('root-ca.pem')).kind, 'self-signed');
  assert.equal(buildTrustPath([x509('self-signed.pem')], anchors('self-signed.pem')).kind, 'trusted');
});

test('time plays no part: an expired leaf still has a trusted path', () => {
  const path = buildTrustPath([x509('expired.pem'), x509('intermediate-ca.pem')], anchors('root-ca.pem'));
  assert.equal(path.kind, 'trusted');
});

test('anchors: only candidates with the issuer name are parsed; exact lookup by content', () => {
  const index = anchors('root-ca.pem');
  assert.equal(index.findIssuers(x509('intermediate-ca.pem')).length, 1);
  assert.equal(index.findIssuers(x509('good.pem')).length, 0);
  assert.equal(index.find(x509('root-ca.pem'))?.source, '--ca');
  assert.equal(index.find(x509('self-signed.pem')), undefined);
});
