import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  describeCertificate,
  formatName,
  isSelfSigned,
  parseSubjectAltNames,
} from '../../../src/core/tls/certificate-facts.js';
import { cert } from '../../helpers/tls-servers.js';

const x509 = (name: string) => new X509Certificate(readFileSync(cert(name)));

test('formatName: RFC 4514 order, most specific first', () => {
  assert.equal(formatName("C=US\nO=Let's Encrypt\nCN=R11"), "CN=R11,O=Let's Encrypt,C=US");
  assert.equal(formatName('CN=only'), 'CN=only');
});

test('parseSubjectAltNames: IP entries shortened, quoted commas kept', () => {
  assert.deepEqual(parseSubjectAltNames('DNS:a.example, IP Address:127.0.0.1, DNS:*.b.example'), [
    'DNS:a.example',
    'IP:127.0.0.1',
    'DNS:*.b.example',
  ]);
  assert.deepEqual(parseSubjectAltNames('DNS:"x,y.example", DNS:z.example'), [
    'DNS:"x,y.example"',
    'DNS:z.example',
  ]);
  assert.deepEqual(parseSubjectAltNames(undefined), []);
});

test('describeCertificate: the good leaf', () => {
  const now = new Date('2030-01-01T00:00:00Z');
  const facts = describeCertificate(x509('good.pem'), now);
  assert.equal(facts.subject, 'CN=localhost,O=tc-webhook tests');
  assert.equal(facts.issuer, 'CN=tc-webhook Test Intermediate CA,O=tc-webhook tests');
  assert.deepEqual(facts.subjectAltNames, ['DNS:localhost', 'IP:127.0.0.1', 'IP:0:0:0:0:0:0:0:1']);
  assert.equal(facts.validFrom, '2025-01-01T00:00:00.000Z');
  assert.equal(facts.daysLeft, Math.floor((Date.parse(facts.validTo) - now.getTime()) / 86_400_000));
  assert.equal(facts.selfSigned, false);
  assert.equal(facts.keyType, 'RSA');
  assert.equal(facts.keyBits, 2048);
  assert.equal(facts.signatureAlgorithm, 'sha256WithRSAEncryption');
  assert.equal(facts.fingerprint256, x509('good.pem').fingerprint256);
});

test('describeCertificate: EC key, weak RSA key, expired', () => {
  const now = new Date('2030-01-01T00:00:00Z');
  const ec = describeCertificate(x509('wrong-host.pem'), now);
  assert.deepEqual([ec.keyType, ec.keyBits, ec.subjectAltNames], ['EC', 256, ['DNS:wrong.example']]);
  assert.equal(describeCertificate(x509('rsa1024.pem'), now).keyBits, 1024);
  const expired = describeCertificate(x509('expired.pem'), now);
  assert.equal(expired.validTo, '2021-01-01T00:00:00.000Z');
  assert.equal(expired.daysLeft, -3287);
});

test('isSelfSigned: own issuer and own signature, even without the keyCertSign usage', () => {
  assert.equal(isSelfSigned(x509('self-signed.pem')), true);
  assert.equal(isSelfSigned(x509('root-ca.pem')), true);
  assert.equal(isSelfSigned(x509('good.pem')), false);
  assert.equal(isSelfSigned(x509('intermediate-ca.pem')), false);
});
