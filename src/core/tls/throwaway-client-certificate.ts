import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { ECDSA_SHA256, sequence, serialNumber, tlv, toPem } from './der-writer.js';

/**
 * A key and a self-signed certificate made on the spot, offered to a server only to see whether it
 * answers differently once a client certificate is presented (see probe-client-certificate.ts). It
 * proves nothing and is trusted by no one; it is never stored. X.509 structure: RFC 5280 §4.1, built
 * with the few DER forms of der-writer.ts.
 */
export interface ThrowawayClientCertificate {
  key: string;
  cert: string;
}

// id-at-commonName (2.5.4.3), pre-encoded.
const COMMON_NAME = Buffer.from('0603550403', 'hex');
const utcTime = (text: string) => tlv(0x17, Buffer.from(text, 'ascii'));

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
  return {
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    cert: toPem(der, 'CERTIFICATE'),
  };
}
