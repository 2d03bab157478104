import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

/**
 * A key and a self-signed certificate made on the spot, offered to a server only to see whether it
 * answers differently once a client certificate is presented (see probe-client-certificate.ts). It
 * proves nothing and is trusted by no one; it is never stored. X.509 structure: RFC 5280 §4.1, built
 * with the few DER forms it needs (X.690 §8): a DER library would cost more to load than this takes.
 */
export interface ThrowawayClientCertificate {
  key: string;
  cert: string;
}

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const tlv = (tag: number, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
};
const sequence = (...parts: Buffer[]) => tlv(0x30, ...parts);
// ecdsa-with-SHA256 (1.2.840.10045.4.3.2) and id-at-commonName (2.5.4.3), pre-encoded.
const ECDSA_SHA256 = sequence(Buffer.from('06082a8648ce3d040302', 'hex'));
const COMMON_NAME = Buffer.from('0603550403', 'hex');
const utcTime = (text: string) => tlv(0x17, Buffer.from(text, 'ascii'));

/**
 * Random bytes as a DER INTEGER's content that is positive, non-zero and minimal: the first byte
 * between 0x40 and 0x7f. A first byte of 0 followed by one below 0x80 would be padding that
 * OpenSSL refuses (ASN1_ILLEGAL_PADDING), which left one probe in 256 without a certificate to offer.
 */
export function serialNumber(random: Buffer): Buffer {
  const serial = Buffer.from(random);
  serial[0] = (serial[0]! & 0x3f) | 0x40;
  return serial;
}

export function createThrowawayClientCertificate(): ThrowawayClientCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const name = sequence(
    tlv(0x31, sequence(COMMON_NAME, tlv(0x0c, Buffer.from('tc-webhook client certificate probe')))),
  );
  const tbs = sequence(
    tlv(0x02, serialNumber(randomBytes(8))),
    ECDSA_SHA256,
    name,
    // Fixed dates: its validity is not what a server is asked about, so no clock is needed.
    sequence(utcTime('200101000000Z'), utcTime('491231235959Z')),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = sequence(tbs, ECDSA_SHA256, tlv(0x03, Buffer.from([0]), signature));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return {
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    cert: ['-----BEGIN CERTIFICATE-----', ...lines, '-----END CERTIFICATE-----', ''].join('\n'),
  };
}
