/**
 * The few DER forms (X.690 §8) the tool writes certificates with: a tag, a length and the content.
 * A DER library would cost more to load than these lines take; what they produce is checked by
 * Node's X509Certificate and by `openssl verify` in the tests.
 */

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const tlv = (tag: number, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
};
export const sequence = (...parts: Buffer[]) => tlv(0x30, ...parts);
/** An object identifier, given in its DER content bytes (hex) as the RFCs print them. */
export const oid = (hex: string) => tlv(0x06, Buffer.from(hex, 'hex'));
export const utf8String = (text: string) => tlv(0x0c, Buffer.from(text, 'utf8'));
export const octetString = (...parts: Buffer[]) => tlv(0x04, ...parts);
/** A BIT STRING of whole bytes (no unused bits). */
export const bitString = (bytes: Buffer) => tlv(0x03, Buffer.from([0]), bytes);
export const TRUE = Buffer.from([0x01, 0x01, 0xff]);

// ecdsa-with-SHA256 (1.2.840.10045.4.3.2), RFC 5758 §3.2.
export const ECDSA_SHA256 = sequence(oid('2a8648ce3d040302'));

/**
 * A UTCTime up to 2049, a GeneralizedTime from 2050 (RFC 5280 §4.1.2.5), to the second.
 */
export function derTime(date: Date): Buffer {
  const iso = date.toISOString(); // 2026-12-07T16:42:19.123Z
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '') + 'Z';
  return date.getUTCFullYear() < 2050
    ? tlv(0x17, Buffer.from(digits.slice(2), 'ascii'))
    : tlv(0x18, Buffer.from(digits, 'ascii'));
}

/**
 * Random bytes as a DER INTEGER's content that is positive, non-zero and minimal: the first byte
 * between 0x40 and 0x7f. A first byte of 0 followed by one below 0x80 would be padding that
 * OpenSSL refuses (ASN1_ILLEGAL_PADDING).
 */
export function serialNumber(random: Buffer): Buffer {
  const serial = Buffer.from(random);
  serial[0] = (serial[0]! & 0x3f) | 0x40;
  return serial;
}

export function toPem(der: Buffer, label: string): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`, ''].join('\n');
}
