import { createHash, sign, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import {
  bitString,
  derTime,
  ECDSA_SHA256,
  octetString,
  oid,
  sequence,
  serialNumber,
  tlv,
  toPem,
  TRUE,
  utf8String,
} from '../tls/der-writer.js';

/**
 * A local test CA and one server certificate it issued, as RFC 5280 §4.1 describes them, for
 * `tc-webhook dev-cert`. The CA may only issue for the names given (name constraints, §4.2.1.10), so
 * its key, if it ever leaked, could not vouch for any real site; both certificates expire after
 * `days`.
 */
export interface DevCertificateInput {
  /** Host names and IP addresses (textual), the leaf's subject alternative names, in order. */
  names: readonly string[];
  now: Date;
  days: number;
  caKeys: { privateKey: KeyObject; publicKey: KeyObject };
  leafKeys: { privateKey: KeyObject; publicKey: KeyObject };
  /** 16 random bytes per serial number. */
  random: (bytes: number) => Buffer;
}

export interface DevCertificates {
  caPem: string;
  certPem: string;
  notAfter: Date;
}

// Extension and attribute identifiers (RFC 5280 §4.2.1, §4.1.2.4), DER content bytes.
const ID = {
  commonName: '550403',
  organization: '55040a',
  basicConstraints: '551d13',
  keyUsage: '551d0f',
  subjectKeyIdentifier: '551d0e',
  authorityKeyIdentifier: '551d23',
  subjectAltName: '551d11',
  extKeyUsage: '551d25',
  nameConstraints: '551d1e',
  serverAuth: '2b06010505070301',
};

const attribute = (id: string, value: string) => tlv(0x31, sequence(oid(id), utf8String(value)));
const distinguishedName = (commonName: string) =>
  sequence(attribute(ID.organization, 'tc-webhook dev-cert'), attribute(ID.commonName, commonName));
const extension = (id: string, critical: boolean, value: Buffer) =>
  sequence(oid(id), ...(critical ? [TRUE] : []), octetString(value));

/** A GeneralName (§4.2.1.6): dNSName [2] or iPAddress [7]; in a name constraint an address has its mask. */
function generalName(name: string, constraint: boolean): Buffer {
  const family = isIP(name);
  if (family === 0) return tlv(0x82, Buffer.from(name.toLowerCase(), 'ascii'));
  const address = ipBytes(name, family);
  return tlv(0x87, address, ...(constraint ? [Buffer.alloc(address.length, 0xff)] : []));
}

function ipBytes(text: string, family: number): Buffer {
  if (family === 4) return Buffer.from(text.split('.').map(Number));
  // Expand "::" to the missing groups; an embedded IPv4 tail (::ffff:1.2.3.4) becomes two groups.
  let body = text;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (v4) {
    const b = v4[1]!.split('.').map(Number);
    body =
      body.slice(0, -v4[1]!.length) +
      `${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const [head = '', tail] = body.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  const out = Buffer.alloc(16);
  all.forEach((group, i) => out.writeUInt16BE(parseInt(group, 16), i * 2));
  return out;
}

/** The key identifier of §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits. */
function keyIdentifier(spki: Buffer): Buffer {
  // SubjectPublicKeyInfo ::= SEQUENCE { algorithm, BIT STRING }: the P-256 point is its last 65 bytes.
  return createHash('sha1')
    .update(spki.subarray(spki.length - 65))
    .digest();
}

function certificate(tbs: Buffer, signer: KeyObject): Buffer {
  const signature = sign('sha256', tbs, signer);
  return sequence(tbs, ECDSA_SHA256, bitString(signature));
}

export function buildDevCertificates(input: DevCertificateInput): DevCertificates {
  const notBefore = new Date(input.now.getTime() - 60 * 60 * 1000); // an hour of clock skew
  const notAfter = new Date(input.now.getTime() + input.days * 24 * 60 * 60 * 1000);
  const validity = sequence(derTime(notBefore), derTime(notAfter));
  const caSpki = input.caKeys.publicKey.export({ type: 'spki', format: 'der' });
  const leafSpki = input.leafKeys.publicKey.export({ type: 'spki', format: 'der' });
  const caId = keyIdentifier(caSpki);
  const day = input.now.toISOString().slice(0, 10);
  const caName = distinguishedName(`tc-webhook local test CA ${day} (not for production)`);
  const version3 = tlv(0xa0, tlv(0x02, Buffer.from([2])));

  const caTbs = sequence(
    version3,
    tlv(0x02, serialNumber(input.random(16))),
    ECDSA_SHA256,
    caName,
    validity,
    caName,
    caSpki,
    tlv(
      0xa3,
      sequence(
        // cA TRUE, pathLenConstraint 0: it issues server certificates only, never another CA.
        extension(ID.basicConstraints, true, sequence(TRUE, tlv(0x02, Buffer.from([0])))),
        // keyCertSign and cRLSign (bits 5 and 6).
        extension(ID.keyUsage, true, tlv(0x03, Buffer.from([0x01, 0x06]))),
        extension(ID.subjectKeyIdentifier, false, octetString(caId)),
        // permittedSubtrees [0]: only these names, so the CA cannot vouch for any other host.
        extension(
          ID.nameConstraints,
          true,
          sequence(tlv(0xa0, ...input.names.map((name) => sequence(generalName(name, true))))),
        ),
      ),
    ),
  );
  const caDer = certificate(caTbs, input.caKeys.privateKey);

  const leafTbs = sequence(
    version3,
    tlv(0x02, serialNumber(input.random(16))),
    ECDSA_SHA256,
    caName,
    validity,
    distinguishedName(input.names[0] ?? 'localhost'),
    leafSpki,
    tlv(
      0xa3,
      sequence(
        extension(ID.basicConstraints, true, sequence()),
        // digitalSignature (bit 0): what an ECDHE handshake signs with.
        extension(ID.keyUsage, true, tlv(0x03, Buffer.from([0x07, 0x80]))),
        extension(ID.extKeyUsage, false, sequence(oid(ID.serverAuth))),
        extension(ID.subjectKeyIdentifier, false, octetString(keyIdentifier(leafSpki))),
        extension(ID.authorityKeyIdentifier, false, sequence(tlv(0x80, caId))),
        extension(ID.subjectAltName, false, sequence(...input.names.map((name) => generalName(name, false)))),
      ),
    ),
  );
  const leafDer = certificate(leafTbs, input.caKeys.privateKey);
  return { caPem: toPem(caDer, 'CERTIFICATE'), certPem: toPem(leafDer, 'CERTIFICATE'), notAfter };
}
