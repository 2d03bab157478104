import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { countEmbeddedScts } from '../../../../src/core/tls/der-sct.js';
import { parseHsts } from '../../../../src/core/tls/grade/hsts-header.js';
import { cert } from '../../../helpers/tls-servers.js';

test('Strict-Transport-Security values (RFC 6797 §6.1)', () => {
  assert.deepEqual(parseHsts(undefined), {
    present: false,
    maxAge: null,
    includeSubDomains: false,
    preload: false,
  });
  assert.deepEqual(parseHsts('max-age=31536000; includeSubDomains; preload'), {
    present: true,
    maxAge: 31536000,
    includeSubDomains: true,
    preload: true,
  });
  assert.deepEqual(parseHsts('MAX-AGE="600" ;INCLUDESUBDOMAINS'), {
    present: true,
    maxAge: 600,
    includeSubDomains: true,
    preload: false,
  });
  assert.equal(parseHsts('max-age=soon').maxAge, null);
  assert.equal(parseHsts('includeSubDomains').maxAge, null);
});

test('embedded SCTs are counted from the certificate DER', () => {
  const der = (name: string) => new X509Certificate(readFileSync(cert(name))).raw;
  assert.equal(countEmbeddedScts(der('sct.pem')), 2);
  assert.equal(countEmbeddedScts(der('good.pem')), 0);
  assert.equal(countEmbeddedScts(der('self-signed.pem')), 0);
});
