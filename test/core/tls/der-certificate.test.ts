import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { pemToDer, readNames, readSignatureAlgorithm } from '../../../src/core/tls/der-certificate.js';
import { cert } from '../../helpers/tls-servers.js';

const der = (name: string) => new X509Certificate(readFileSync(cert(name))).raw;

/** DER of SEQUENCE { SEQUENCE {}, SEQUENCE { OID }, BIT STRING } — the outline of a certificate. */
function outline(oid: number[]): Buffer {
  const algorithm = Buffer.from([0x30, oid.length + 2, 0x06, oid.length, ...oid]);
  const body = Buffer.concat([Buffer.from([0x30, 0x00]), algorithm, Buffer.from([0x03, 0x01, 0x00])]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

test('reads the signature algorithm of real certificates (long-form lengths)', () => {
  assert.equal(readSignatureAlgorithm(der('good.pem')), 'sha256WithRSAEncryption');
  assert.equal(readSignatureAlgorithm(der('sha1.pem')), 'sha1WithRSAEncryption');
  assert.equal(readSignatureAlgorithm(der('wrong-host.pem')), 'sha256WithRSAEncryption');
});

test('names ECDSA, EdDSA and MD5 signatures; unknown OIDs stay dotted', () => {
  assert.equal(
    readSignatureAlgorithm(outline([0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03])),
    'ecdsa-with-SHA384',
  );
  assert.equal(
    readSignatureAlgorithm(outline([0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x01])),
    'ecdsa-with-SHA1',
  );
  assert.equal(readSignatureAlgorithm(outline([0x2b, 0x65, 0x70])), 'ED25519');
  assert.equal(
    readSignatureAlgorithm(outline([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x04])),
    'md5WithRSAEncryption',
  );
  // 2.999.1: a first arc above 2 is encoded in more than one byte.
  assert.equal(readSignatureAlgorithm(outline([0x88, 0x37, 0x01])), '2.999.1');
});

test('rejects truncated or non-DER input instead of reading past it', () => {
  const good = der('good.pem');
  assert.throws(() => readSignatureAlgorithm(good.subarray(0, 100)), /truncated DER/);
  assert.throws(() => readSignatureAlgorithm(Buffer.from([0x30, 0x80, 0x00, 0x00])), /bad DER length/);
  assert.throws(() => readSignatureAlgorithm(Buffer.from([0x02, 0x01, 0x00])), /expected Certificate/);
  assert.throws(() => readSignatureAlgorithm(Buffer.alloc(0)), /truncated DER/);
});

test('readNames: a leaf names its issuer exactly as the intermediate names itself', () => {
  const leaf = readNames(der('good.pem'));
  const intermediate = readNames(der('intermediate-ca.pem'));
  assert.deepEqual(Buffer.from(leaf.issuer), Buffer.from(intermediate.subject));
  assert.notDeepEqual(Buffer.from(leaf.subject), Buffer.from(leaf.issuer));
  const self = readNames(der('self-signed.pem'));
  assert.deepEqual(Buffer.from(self.subject), Buffer.from(self.issuer));
});

test('pemToDer: every certificate block, nothing else', () => {
  const chain = readFileSync(cert('good-chain-with-root.pem'), 'utf8');
  assert.equal(pemToDer(chain).length, 3);
  assert.deepEqual(pemToDer(chain)[0], der('good.pem'));
  assert.equal(pemToDer(readFileSync(cert('good.key'), 'utf8')).length, 0);
  assert.equal(pemToDer(`junk\n${readFileSync(cert('root-ca.pem'), 'utf8')}trailing`).length, 1);
});
