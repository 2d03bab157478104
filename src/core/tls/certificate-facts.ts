import type { X509Certificate } from 'node:crypto';
import { readSignatureAlgorithm } from './der-certificate.js';

export interface CertificateFacts {
  subject: string;
  issuer: string;
  subjectAltNames: string[];
  validFrom: string;
  validTo: string;
  daysLeft: number;
  selfSigned: boolean;
  keyType: string;
  keyBits: number | null;
  signatureAlgorithm: string;
  fingerprint256: string;
}

export interface ChainEntry {
  subject: string;
  issuer: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * RFC 4514 order (most specific first, comma-separated: `CN=R11,O=Let's Encrypt,C=US`), which is how
 * SSL Labs and most tools print names. Node gives one attribute per line in encoding order.
 */
export function formatName(nodeName: string): string {
  return nodeName.split('\n').filter(Boolean).reverse().join(',');
}

/** `DNS:example.com`, `IP:127.0.0.1`. Node quotes values with commas, so split outside quotes only. */
export function parseSubjectAltNames(text: string | undefined): string[] {
  if (!text) return [];
  const entries = text.match(/(?:[^,"]|"(?:[^"\\]|\\.)*")+/g) ?? [];
  return entries.map((entry) => entry.trim().replace(/^IP Address:/, 'IP:')).filter(Boolean);
}

/**
 * Issued by itself: same name, and its own key verifies its signature. Not checkIssued(cert): that
 * also demands the keyCertSign usage, which a self-signed server certificate usually lacks.
 */
import { isSelfSigned } from '../net/self-signed-leaf.js';

export { isSelfSigned };

const CURVE_BITS: Record<string, number> = {
  prime256v1: 256,
  secp256k1: 256,
  secp384r1: 384,
  secp521r1: 521,
  'P-256': 256,
  'P-384': 384,
  'P-521': 521,
};

export function describeKey(cert: X509Certificate): { keyType: string; keyBits: number | null } {
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
    case 'rsa-pss':
      return { keyType: 'RSA', keyBits: details.modulusLength ?? null };
    case 'ec':
      return { keyType: 'EC', keyBits: CURVE_BITS[details.namedCurve ?? ''] ?? null };
    case 'ed25519':
      return { keyType: 'Ed25519', keyBits: 256 };
    case 'ed448':
      return { keyType: 'Ed448', keyBits: 448 };
    case 'dsa':
      return { keyType: 'DSA', keyBits: details.modulusLength ?? null };
    default:
      return { keyType: key.asymmetricKeyType ?? 'unknown', keyBits: null };
  }
}

export function parseCertificateDate(text: string): Date {
  // Node 20 prints OpenSSL's format, e.g. "Nov 22 18:50:47 2046 GMT", which Date parses.
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new Error(`unreadable certificate date "${text}"`);
  return date;
}

export function describeCertificate(cert: X509Certificate, now: Date): CertificateFacts {
  const validTo = parseCertificateDate(cert.validTo);
  return {
    subject: formatName(cert.subject),
    issuer: formatName(cert.issuer),
    subjectAltNames: parseSubjectAltNames(cert.subjectAltName),
    validFrom: parseCertificateDate(cert.validFrom).toISOString(),
    validTo: validTo.toISOString(),
    daysLeft: Math.floor((validTo.getTime() - now.getTime()) / DAY_MS),
    selfSigned: isSelfSigned(cert),
    ...describeKey(cert),
    signatureAlgorithm: readSignatureAlgorithm(cert.raw),
    fingerprint256: cert.fingerprint256,
  };
}
