import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { test } from 'node:test';
import { createThrowawayClientCertificate } from '../../../src/core/tls/throwaway-client-certificate.js';

test('a well-formed self-signed EC certificate with its key, new each time', () => {
  const first = createThrowawayClientCertificate();
  const cert = new X509Certificate(first.cert);
  assert.equal(cert.subject, 'CN=tc-webhook client certificate probe');
  assert.equal(cert.issuer, cert.subject);
  assert.ok(cert.verify(cert.publicKey), 'signed by its own key');
  assert.ok(cert.checkPrivateKey(createPrivateKey(first.key)), 'the key belongs to the certificate');
  assert.equal(createPublicKey(first.key).asymmetricKeyDetails?.namedCurve, 'prime256v1');
  assert.equal(new Date(cert.validFrom).toISOString(), '2020-01-01T00:00:00.000Z');
  assert.ok(first.cert.split('\n').every((line) => line.length <= 64));
  const second = createThrowawayClientCertificate();
  assert.notEqual(second.key, first.key);
  assert.notEqual(new X509Certificate(second.cert).serialNumber, cert.serialNumber);
});
