import { X509Certificate } from 'node:crypto';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';

/** The words of the refusal, shared with check-tls's cert.self-signed. */
export const SELF_SIGNED_REFUSAL =
  'the certificate is self-signed (its own issuer); Tradecloud rejects self-signed certificates';
export const SELF_SIGNED_TRUSTED = ', even when you trust it with --ca';
export const SELF_SIGNED_FIX = "get one from a public CA such as Let's Encrypt";

/** Its own issuer, and its own key verifies its signature. */
export function isSelfSigned(cert: X509Certificate): boolean {
  return cert.subject === cert.issuer && cert.verify(cert.publicKey);
}

/** The error code a webhook connection fails with when its certificate is its own issuer. */
export const SELF_SIGNED_LEAF = 'TC_SELF_SIGNED_LEAF';

export const SELF_SIGNED_LEAF_MESSAGE = `${SELF_SIGNED_REFUSAL}${SELF_SIGNED_TRUSTED}`;
export const SELF_SIGNED_LEAF_HINT = `${SELF_SIGNED_FIX[0]!.toUpperCase()}${SELF_SIGNED_FIX.slice(1)} (check with tc-webhook check-tls)`;

/**
 * A checkServerIdentity for webhook connections. Tradecloud refuses a self-signed endpoint
 * certificate even when it would verify, so trusting it with --ca must not make a delivery pass;
 * a private CA that issued a separate leaf is still fine. Node calls this after the chain verified,
 * on every connection, so no request of a burst can slip past it.
 */
export function refuseSelfSignedLeaf(hostname: string, cert: PeerCertificate): Error | undefined {
  const mismatch = checkServerIdentity(hostname, cert);
  if (mismatch) return mismatch;
  if (cert.raw && selfSigned(cert)) {
    return Object.assign(new Error(SELF_SIGNED_LEAF_MESSAGE), { code: SELF_SIGNED_LEAF });
  }
  return undefined;
}

/**
 * The answer per certificate (by its SHA-256 fingerprint, which Node has computed already): the
 * connections of a burst all meet the same one, and parsing it and checking its signature again
 * for each of them is work at the very start of the burst.
 */
const seen = new Map<string, boolean>();
const SEEN_LIMIT = 64;

function selfSigned(cert: PeerCertificate): boolean {
  const known = cert.fingerprint256 ? seen.get(cert.fingerprint256) : undefined;
  if (known !== undefined) return known;
  const answer = isSelfSigned(new X509Certificate(cert.raw));
  if (cert.fingerprint256) {
    if (seen.size >= SEEN_LIMIT) seen.clear();
    seen.set(cert.fingerprint256, answer);
  }
  return answer;
}
