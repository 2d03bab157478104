import type { X509Certificate } from 'node:crypto';
import { isSelfSigned } from './certificate-facts.js';
import type { Anchor, AnchorIndex } from './trust-anchors.js';

/**
 * How the served chain relates to the trust store, judged on names and signatures only: validity
 * dates are cert.validity's finding, and OpenSSL reports only its last error, so an expired
 * certificate would hide an untrusted root in its verdict.
 */
export type TrustPath =
  /** Reaches a self-signed trust anchor. `borrowed`: intermediates taken from --ca, not served. */
  | { kind: 'trusted'; anchor: Anchor; borrowed: X509Certificate[] }
  /** The leaf is its own issuer and not in the trust store. */
  | { kind: 'self-signed' }
  /** Ends at a self-signed root that is not in the trust store. */
  | { kind: 'untrusted-root'; root: X509Certificate }
  /** The issuer of `top` is neither served nor in the trust store. */
  | { kind: 'issuer-missing'; top: X509Certificate };

const MAX_DEPTH = 10;

export function buildTrustPath(served: readonly X509Certificate[], anchors: AnchorIndex): TrustPath {
  const leaf = served[0];
  if (!leaf) throw new Error('no certificate to build a path from');
  const borrowed: X509Certificate[] = [];
  const visited = new Set<string>();
  let current = leaf;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    visited.add(current.fingerprint256);
    if (isSelfSigned(current)) {
      const anchor = anchors.find(current);
      if (anchor) return { kind: 'trusted', anchor, borrowed };
      return current === leaf ? { kind: 'self-signed' } : { kind: 'untrusted-root', root: current };
    }
    const servedIssuer = served.find(
      (c) => !visited.has(c.fingerprint256) && current.checkIssued(c) && current.verify(c.publicKey),
    );
    if (servedIssuer) {
      current = servedIssuer;
      continue;
    }
    const issuers = anchors.findIssuers(current).filter((a) => !visited.has(a.cert.fingerprint256));
    const anchor = issuers.find((a) => a.selfSigned) ?? issuers[0];
    if (!anchor) return { kind: 'issuer-missing', top: current };
    if (anchor.selfSigned) return { kind: 'trusted', anchor, borrowed };
    // An intermediate from --ca: OpenSSL (without partial chains) keeps climbing to a root, and so do we.
    borrowed.push(anchor.cert);
    current = anchor.cert;
  }
  return { kind: 'issuer-missing', top: current };
}
