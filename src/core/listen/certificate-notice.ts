import { X509Certificate } from 'node:crypto';
import { pemToDer } from '../tls/der-certificate.js';
import { indexTrustAnchors } from '../tls/trust-anchors.js';
import { buildTrustPath } from '../tls/trust-path.js';

const LOCAL_ONLY = 'fine for local tests, but Tradecloud would refuse it in production';

/**
 * The one start-up notice for a --cert that Tradecloud would not accept: Tradecloud trusts only the
 * public roots, so a self-signed certificate, a private CA (such as dev-cert's) or a chain without
 * its intermediate fail there, however well they work with --ca here. Undefined for a chain that
 * reaches a public root.
 */
export function certificateNotice(certPem: string, publicRoots: readonly string[]): string | undefined {
  const served = pemToDer(certPem).map((der) => new X509Certificate(der));
  if (served.length === 0) return undefined;
  const path = buildTrustPath(served, indexTrustAnchors({ publicRoots, extra: [] }));
  switch (path.kind) {
    case 'trusted':
      return undefined;
    case 'self-signed':
      return `the --cert certificate is self-signed: ${LOCAL_ONLY}`;
    case 'untrusted-root':
      return `the --cert certificate is issued by a private CA (${commonName(path.root.subject)}): ${LOCAL_ONLY}`;
    case 'issuer-missing':
      return `the --cert chain does not reach a public root (${commonName(path.top.subject)} is issued by ${commonName(path.top.issuer)}, a private CA or an intermediate missing from --cert): ${LOCAL_ONLY}`;
  }
}

function commonName(name: string): string {
  return /CN=([^\n]+)/.exec(name)?.[1] ?? name.replace(/\n/g, ', ');
}
