import { decodeOid, expect, readTlv } from './der-certificate.js';

/** Certificate Transparency: the embedded SCT list extension (RFC 6962 §3.3). */
const SCT_LIST_OID = '1.3.6.1.4.1.11129.2.4.2';

/**
 * How many Signed Certificate Timestamps the certificate carries in its SCT list extension (0 when
 * it has none). The extension's value is an OCTET STRING holding the TLS-encoded list:
 * `opaque SerializedSCT<1..2^16-1>` entries inside a 2-byte length. Structure: RFC 5280 §4.1.
 */
export function countEmbeddedScts(der: Uint8Array): number {
  const cert = expect(readTlv(der, 0), 0x30, 'Certificate');
  const tbs = expect(readTlv(der, cert.start, cert.end), 0x30, 'TBSCertificate');
  for (let offset = tbs.start; offset < tbs.end;) {
    const field = readTlv(der, offset, tbs.end);
    offset = field.end;
    if (field.tag !== 0xa3) continue; // [3] extensions
    const extensions = expect(readTlv(der, field.start, field.end), 0x30, 'Extensions');
    for (let at = extensions.start; at < extensions.end;) {
      const extension = expect(readTlv(der, at, extensions.end), 0x30, 'Extension');
      at = extension.end;
      const oid = expect(readTlv(der, extension.start, extension.end), 0x06, 'OBJECT IDENTIFIER');
      if (decodeOid(der.subarray(oid.start, oid.end)) !== SCT_LIST_OID) continue;
      let value = readTlv(der, oid.end, extension.end);
      if (value.tag === 0x01) value = readTlv(der, value.end, extension.end); // critical flag
      const outer = expect(value, 0x04, 'extnValue');
      const inner = expect(readTlv(der, outer.start, outer.end), 0x04, 'SignedCertificateTimestampList');
      return countListEntries(der.subarray(inner.start, inner.end));
    }
  }
  return 0;
}

function countListEntries(list: Uint8Array): number {
  if (list.length < 2) return 0;
  const end = Math.min(list.length, 2 + ((list[0]! << 8) | list[1]!));
  let count = 0;
  for (let at = 2; at + 2 <= end; count++) at += 2 + ((list[at]! << 8) | list[at + 1]!);
  return count;
}
