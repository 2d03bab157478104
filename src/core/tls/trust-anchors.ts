import { X509Certificate } from 'node:crypto';
import { isSelfSigned } from './certificate-facts.js';
import { pemToDer, readNames } from './der-certificate.js';
import type { ExtraCa, TrustSource } from '../net/trust-store.js';

export type AnchorSource = 'public' | TrustSource;

export interface Anchor {
  cert: X509Certificate;
  source: AnchorSource;
  /** The file of a --ca or NODE_EXTRA_CA_CERTS certificate. */
  file?: string;
  selfSigned: boolean;
}

export interface TrustAnchorPems {
  /** Node's public root store (`tls.rootCertificates`). */
  publicRoots: readonly string[];
  /** The certificates of the --ca files and of NODE_EXTRA_CA_CERTS. */
  extra: readonly ExtraCa[];
}

export interface AnchorIndex {
  /** Trust-store certificates that issued `cert` (name match, and their key verifies its signature). */
  findIssuers(cert: X509Certificate): Anchor[];
  /** The trust-store entry that is exactly `cert`, if any. */
  find(cert: X509Certificate): Anchor | undefined;
}

interface Entry {
  der: Buffer;
  source: AnchorSource;
  file?: string;
  parsed?: Anchor;
}

/**
 * Looks certificates up by their encoded subject name, so that only the few candidates are parsed:
 * parsing all ~150 public roots with X509Certificate would cost ~25 ms on every run. Names are
 * compared byte for byte, which is how issuers copy them in practice; a differently encoded but
 * equal name is missed here, and then only OpenSSL's own verdict (which does match it) can pass.
 */
export function indexTrustAnchors(pems: TrustAnchorPems): AnchorIndex {
  let bySubject: Map<string, Entry[]> | undefined;
  const index = () => {
    if (bySubject) return bySubject;
    bySubject = new Map();
    const add = (pem: string, source: AnchorSource, file?: string) => {
      for (const der of pemToDer(pem)) {
        const key = Buffer.from(readNames(der).subject).toString('hex');
        bySubject!.set(key, [...(bySubject!.get(key) ?? []), { der, source, ...(file ? { file } : {}) }]);
      }
    };
    for (const extra of pems.extra) add(extra.pem, extra.source, extra.file);
    for (const pem of pems.publicRoots) add(pem, 'public');
    return bySubject;
  };
  const parse = (entry: Entry): Anchor => {
    if (!entry.parsed) {
      const cert = new X509Certificate(entry.der);
      entry.parsed = {
        cert,
        source: entry.source,
        ...(entry.file ? { file: entry.file } : {}),
        selfSigned: isSelfSigned(cert),
      };
    }
    return entry.parsed;
  };
  const named = (name: Uint8Array) => index().get(Buffer.from(name).toString('hex')) ?? [];
  return {
    findIssuers: (cert) =>
      named(readNames(cert.raw).issuer)
        .map(parse)
        .filter((a) => cert.checkIssued(a.cert) && cert.verify(a.cert.publicKey)),
    find: (cert) => {
      const entry = named(readNames(cert.raw).subject).find((e) => e.der.equals(cert.raw));
      return entry ? parse(entry) : undefined;
    },
  };
}
