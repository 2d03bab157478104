import type { X509Certificate } from 'node:crypto';
import { check, type CertificateContext, type TlsCheck } from './assess-types.js';
import { formatName } from './certificate-facts.js';
import type { Anchor } from './trust-anchors.js';
import { countEmbeddedScts } from './der-sct.js';
import { SELF_SIGNED_FIX, SELF_SIGNED_REFUSAL, SELF_SIGNED_TRUSTED } from '../net/self-signed-leaf.js';

// OpenSSL reports one error, the last it met. Dates and names have checks of their own, so these
// codes say nothing about whether the chain reaches a trusted root.
const NOT_ABOUT_THE_CHAIN = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const name = (cert: X509Certificate) => `"${formatName(cert.subject)}"`;
const issuerName = (cert: X509Certificate) => `"${formatName(cert.issuer)}"`;
/**
 * The root a chain verifies to, and where it is trusted from. A root trusted only through --ca or
 * NODE_EXTRA_CA_CERTS (a private test CA, or a TLS-intercepting proxy's CA) is never called public.
 */
const describeAnchor = (a: Anchor) =>
  a.source === 'public'
    ? `the public root ${name(a.cert)}`
    : `the root ${name(a.cert)}, trusted here only through ${a.source} (${a.file ?? 'a file'}), not publicly`;

function notInStores(c: CertificateContext): string {
  return c.hasExtraCa
    ? 'is in neither the public root store nor your --ca / NODE_EXTRA_CA_CERTS files'
    : 'is not in the public root store';
}

function openSslNote(c: CertificateContext): string {
  const code = c.verification?.error;
  return code ? ` (OpenSSL: ${code})` : '';
}

/**
 * A leaf whose issuer is neither sent nor trusted, carrying no Certificate Transparency SCT: public
 * CAs embed SCTs in every certificate (browsers require them), so its issuer is a private CA, most
 * likely a root (`dev-cert`, a company CA), not a public CA whose intermediate went missing. Only
 * without --ca / NODE_EXTRA_CA_CERTS: with a private CA given, a missing intermediate stays the reading.
 */
export function issuedByPrivateCa(c: CertificateContext): boolean {
  const path = c.trustPath();
  if (c.hasExtraCa || path.kind !== 'issuer-missing' || path.top !== c.leaf) return false;
  try {
    return countEmbeddedScts(c.leaf.raw) === 0;
  } catch {
    return true;
  }
}

export function assessTrusted(c: CertificateContext): TlsCheck {
  const path = c.trustPath();
  const code = c.verification?.error ?? null;
  if (path.kind === 'trusted' && (code === null || NOT_ABOUT_THE_CHAIN.has(code))) {
    return check('cert.trusted', 'pass', `the chain verifies to ${describeAnchor(path.anchor)}`);
  }
  // OpenSSL has the last word on a pass: it also matches names that differ only in their encoding.
  // (Its store holds exactly the anchors indexed here: the public roots plus --ca and NODE_EXTRA_CA_CERTS.)
  if (c.verification?.authorized)
    return check('cert.trusted', 'pass', 'the chain verifies to a trusted root');
  const fix = 'use a certificate from a public CA, or pass your private test CA with --ca';
  switch (path.kind) {
    case 'trusted':
      return check(
        'cert.trusted',
        'fail',
        `the chain reaches ${describeAnchor(path.anchor)} but does not verify${openSslNote(c)}; check the certificates your server sends`,
      );
    case 'self-signed':
      return check(
        'cert.trusted',
        'fail',
        `the certificate is self-signed, so no CA vouches for it; ${fix} (see cert.self-signed)`,
      );
    case 'untrusted-root':
      return check(
        'cert.trusted',
        'fail',
        `the chain ends at the root ${name(path.root)}, which ${notInStores(c)}; ${fix}`,
      );
    case 'issuer-missing':
      if (issuedByPrivateCa(c)) {
        return check(
          'cert.trusted',
          'fail',
          `issued by ${issuerName(c.leaf)}, which is not publicly trusted: Tradecloud will refuse it; use a certificate from a public CA (for a test CA of your own, pass it with --ca <ca.pem>)`,
        );
      }
      return check(
        'cert.trusted',
        'fail',
        path.top === c.leaf
          ? `the certificate's issuer ${issuerName(c.leaf)} is neither sent by the server nor a trusted root${openSslNote(c)}; see cert.chain`
          : `the chain ends at ${name(path.top)}, whose issuer ${issuerName(path.top)} ${notInStores(c)}${openSslNote(c)}; ${fix}`,
      );
  }
}

export function assessSelfSigned(c: CertificateContext): TlsCheck {
  if (!c.facts.selfSigned) return check('cert.self-signed', 'pass', `issued by ${issuerName(c.leaf)}`);
  const trusted = c.trustPath().kind === 'trusted' ? SELF_SIGNED_TRUSTED : '';
  return check('cert.self-signed', 'fail', `${SELF_SIGNED_REFUSAL}${trusted}: ${SELF_SIGNED_FIX}`);
}

export function assessChain(c: CertificateContext): TlsCheck {
  if (c.facts.selfSigned) {
    return check(
      'cert.chain',
      'skip',
      'a self-signed certificate has no chain to check (see cert.self-signed)',
    );
  }
  const path = c.trustPath();
  const sent = c.served.length;
  const fullChain = 'configure the full chain (leaf + intermediate) in your web server';
  if (path.kind === 'trusted' && path.borrowed.length > 0) {
    const missing = path.borrowed.map(name).join(', ');
    return check(
      'cert.chain',
      'fail',
      `the server does not send the intermediate ${missing}; it verified here only because --ca supplies it, and Tradecloud will not have it: ${fullChain}`,
    );
  }
  if (path.kind === 'trusted' || path.kind === 'untrusted-root' || c.verification?.authorized) {
    return check(
      'cert.chain',
      'pass',
      sent === 1
        ? 'the certificate is issued directly by a root, so no intermediate is needed'
        : `the server sends the full chain (${sent} certificates)`,
    );
  }
  if (issuedByPrivateCa(c)) {
    return check(
      'cert.chain',
      'skip',
      `not applicable: the certificate is issued by a private CA, not a public one (see cert.trusted)`,
    );
  }
  if (path.kind === 'issuer-missing' && path.top === c.leaf) {
    return check(
      'cert.chain',
      'fail',
      sent === 1
        ? `the server sends only the leaf certificate, and its issuer ${issuerName(c.leaf)} is not a trusted root; ${fullChain}`
        : `the server does not send the issuer of its certificate, ${issuerName(c.leaf)}; ${fullChain}`,
    );
  }
  return check(
    'cert.chain',
    'skip',
    'cannot tell whether intermediates are missing, because the chain does not reach a trusted root (see cert.trusted)',
  );
}
