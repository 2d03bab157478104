import type {
  ClientCertificateFinding,
  HandshakeFailure,
  HandshakeOutcome,
  HandshakeSuccess,
} from './probe-types.js';
import type { ConnectionOptions } from 'node:tls';
import { createThrowawayClientCertificate } from './throwaway-client-certificate.js';

const HANDSHAKE_FAILURE = 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE';
// What a TLS 1.3 server sends after a handshake without a client certificate when it demands one:
// certificate_required (RFC 8446 §4.4.2.4), or the older handshake_failure and bad_certificate.
const REFUSALS: Record<string, string> = {
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: 'certificate_required',
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 'handshake_failure',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: 'bad_certificate',
};

/**
 * A TLS 1.2 server that demands a client certificate ends the handshake with a bare handshake_failure
 * alert, as it would for no cipher in common; only one that had already sent its certificate is a
 * candidate. Offering a throwaway certificate in a second handshake tells them apart: a server that
 * then answers anything else (success, another alert, a reset) was asking for a certificate. Runs
 * only after such a failure, so a normal server never costs this extra round trip.
 */
export async function confirmTls12Demand(
  failure: HandshakeFailure,
  handshake: (tls: ConnectionOptions) => Promise<HandshakeOutcome>,
): Promise<HandshakeSuccess | null> {
  const reached = failure.reached;
  if (failure.code !== HANDSHAKE_FAILURE || !reached) return null;
  const retry = await handshake({
    minVersion: 'TLSv1.2',
    maxVersion: 'TLSv1.2',
    ca: [],
    ...createThrowawayClientCertificate(),
  });
  if (retry.ok) return retry;
  const changed = retry.kind === 'closed' || (retry.kind === 'rejected' && retry.code !== HANDSHAKE_FAILURE);
  if (!changed) return null;
  // The version and the certificates are the server's, whatever it then made of the client.
  return { ok: true, ...reached, authorized: false, authorizationError: null };
}

/** The finding from the trust handshake (which waited for a TLS 1.3 verdict) and the TLS 1.2 confirmation. */
export function judgeClientCertificate(
  verify: HandshakeOutcome,
  tls12Demand: boolean,
): ClientCertificateFinding {
  const after = verify.ok ? verify.afterHandshake : undefined;
  if (after?.outcome === 'refused' && REFUSALS[after.code]) {
    return { demand: 'required', protocol: 'TLSv1.3', alert: REFUSALS[after.code]! };
  }
  if (tls12Demand) return { demand: 'required', protocol: 'TLSv1.2', alert: 'handshake_failure' };
  return verify.ok ? { demand: 'not-required' } : { demand: 'unknown' };
}
