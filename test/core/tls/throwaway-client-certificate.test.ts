import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { test } from 'node:test';
import { serialNumber } from '../../../src/core/tls/der-writer.js';
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

test('the serial number is a minimal positive DER INTEGER whatever the random bytes', () => {
  for (const first of [0x00, 0x01, 0x3f, 0x40, 0x7f, 0x80, 0xff]) {
    const random = Buffer.from([first, 0x00, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc]);
    const serial = serialNumber(random);
    assert.equal(serial.length, 8);
    assert.ok(serial[0]! >= 0x40 && serial[0]! <= 0x7f, `first byte ${serial[0]} from ${first}`);
    assert.deepEqual(serial.subarray(1), random.subarray(1));
  }
  // One random serial in 256 used to start with a padding zero that OpenSSL refuses to load.
  for (let i = 0; i < 300; i++) {
    const { cert } = createThrowawayClientCertificate();
    assert.doesNotThrow(() => new X509Certificate(cert));
  }
});
