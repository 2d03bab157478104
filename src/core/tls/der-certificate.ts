/**
 * Just enough DER to read two things Node 20's X509Certificate does not expose: the signature
 * algorithm of a certificate, and its raw issuer/subject names (to find an issuer among ~150 roots
 * without parsing each one). A full ASN.1 library costs ~100 ms to load, a third of check-tls's
 * time budget, for these few fields. Structure: RFC 5280 §4.1.
 */

export interface Tlv {
  tag: number;
  /** Offset of the first content byte. */
  start: number;
  /** Offset just past the content. */
  end: number;
}

export function readTlv(der: Uint8Array, offset: number, limit = der.length): Tlv {
  if (offset + 2 > limit) throw new Error('truncated DER');
  const tag = der[offset]!;
  let length = der[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    // 0x80 is BER's indefinite length, never valid in DER; 4 octets is far more than a certificate.
    if (octets === 0 || octets > 4 || start + octets > limit) throw new Error('bad DER length');
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + der[start + i]!;
    start += octets;
  }
  const end = start + length;
  if (end > limit) throw new Error('truncated DER');
  return { tag, start, end };
}

export function expect(tlv: Tlv, tag: number, what: string): Tlv {
  if (tlv.tag !== tag) throw new Error(`expected ${what} in certificate DER`);
  return tlv;
}

export function decodeOid(bytes: Uint8Array): string {
  const arcs: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (byte & 0x80) continue;
    if (arcs.length === 0)
      arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
    else arcs.push(value);
    value = 0;
  }
  return arcs.join('.');
}

const SIGNATURE_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa-with-SHA256',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
};

/** `sha256WithRSAEncryption`, `ecdsa-with-SHA384`, … (OpenSSL's names), or the dotted OID if unknown. */
export function readSignatureAlgorithm(der: Uint8Array): string {
  const cert = expect(readTlv(der, 0), 0x30, 'Certificate');
  const tbs = expect(readTlv(der, cert.start, cert.end), 0x30, 'TBSCertificate');
  const algorithm = expect(readTlv(der, tbs.end, cert.end), 0x30, 'AlgorithmIdentifier');
  const oid = expect(readTlv(der, algorithm.start, algorithm.end), 0x06, 'OBJECT IDENTIFIER');
  const dotted = decodeOid(der.subarray(oid.start, oid.end));
  return SIGNATURE_ALGORITHMS[dotted] ?? dotted;
}

/** The issuer and subject Names exactly as encoded, for byte comparison. */
export function readNames(der: Uint8Array): { issuer: Uint8Array; subject: Uint8Array } {
  const cert = expect(readTlv(der, 0), 0x30, 'Certificate');
  const tbs = expect(readTlv(der, cert.start, cert.end), 0x30, 'TBSCertificate');
  let field = readTlv(der, tbs.start, tbs.end);
  if (field.tag === 0xa0) field = readTlv(der, field.end, tbs.end); // optional [0] version
  expect(field, 0x02, 'serialNumber');
  const signature = expect(readTlv(der, field.end, tbs.end), 0x30, 'signature');
  const issuer = expect(readTlv(der, signature.end, tbs.end), 0x30, 'issuer');
  const validity = expect(readTlv(der, issuer.end, tbs.end), 0x30, 'validity');
  const subject = expect(readTlv(der, validity.end, tbs.end), 0x30, 'subject');
  return {
    issuer: der.subarray(issuer.start, issuer.end),
    subject: der.subarray(subject.start, subject.end),
  };
}

const BEGIN = '-----BEGIN CERTIFICATE-----';
const END = '-----END CERTIFICATE-----';

/**
 * The DER inside each `-----BEGIN CERTIFICATE-----` block of a PEM text. Runs over ~150 roots on every
 * check, so it slices instead of using regular expressions; Node's base64 decoder skips line breaks.
 */
export function pemToDer(pem: string): Buffer[] {
  const ders: Buffer[] = [];
  let from = pem.indexOf(BEGIN);
  while (from !== -1) {
    const end = pem.indexOf(END, from);
    if (end === -1) break;
    ders.push(Buffer.from(pem.slice(from + BEGIN.length, end), 'base64'));
    from = pem.indexOf(BEGIN, end);
  }
  return ders;
}
