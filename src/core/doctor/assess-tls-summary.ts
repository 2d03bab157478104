import { count } from '../text/count.js';
import type { DoctorCheck } from './doctor-types.js';

export interface TlsCheckLike {
  id: string;
  status: 'pass' | 'warn' | 'fail' | 'skip';
  message: string;
}

/**
 * Folds check-tls's checks into one readiness line. A failure here stops the delivery steps:
 * Tradecloud's client would not get past the handshake either.
 */
export function summarizeTls(
  checks: readonly TlsCheckLike[],
  negotiated: string | undefined,
  privateTrust?: PrivateTrust,
): DoctorCheck {
  const failed = checks.filter((c) => c.status === 'fail');
  const warned = checks.filter((c) => c.status === 'warn');
  const title = 'TLS and certificate';
  if (failed.length > 0) {
    return {
      id: 'tls',
      title,
      status: 'fail',
      message: `Tradecloud would refuse this endpoint: ${failed.map((c) => c.id).join(', ')} failed; no events were sent`,
      fix: 'fix the TLS findings listed with this check (run tc-webhook check-tls for the full report), then run doctor again',
      details: [...failed, ...warned].map((c) => `${c.id} (${c.status}): ${c.message}`),
    };
  }
  if (warned.length > 0) {
    return {
      id: 'tls',
      title,
      status: 'warn',
      message: `Tradecloud can connect${negotiated ? ` (${negotiated})` : ''}, with ${count(warned.length, 'warning')}`,
      fix: 'see the details (run tc-webhook check-tls for the full report)',
      details: warned.map((c) => `${c.id}: ${c.message}`),
    };
  }
  if (privateTrust) return privateTrustCheck(privateTrust, negotiated, title);
  return {
    id: 'tls',
    title,
    status: 'pass',
    message: `HTTPS with a trusted certificate${negotiated ? ` (${negotiated})` : ''}`,
  };
}

export interface PrivateTrust {
  source: string;
  file?: string;
  root: string;
}

/** What `dev-cert` writes into its CA's subject. */
const DEV_CERT_CA = /\bO=tc-webhook dev-cert\b/;

/**
 * Every TLS check passed, but only because the chain's root came from --ca or NODE_EXTRA_CA_CERTS:
 * Tradecloud trusts public roots only. A warning that says so plainly (and that nothing else is
 * wrong), not a failure: a local test endpoint is what --ca is for, and its other checks still count.
 */
function privateTrustCheck(trust: PrivateTrust, negotiated: string | undefined, title: string): DoctorCheck {
  const given = `${trust.source}${trust.file ? ` ${trust.file}` : ''}`;
  const which = DEV_CERT_CA.test(trust.root)
    ? 'the local test CA made by tc-webhook dev-cert'
    : 'a private CA';
  return {
    id: 'tls',
    title,
    status: 'warn',
    message:
      `the trust check would fail at Tradecloud only because the certificate is trusted through ${given}, ${which} ` +
      `(Tradecloud trusts public CAs only); every other TLS check passed${negotiated ? ` (${negotiated})` : ''}, ` +
      'and a certificate from a public CA would pass',
    fix: "for local tests, nothing to fix; in production, serve a certificate from a public CA (e.g. Let's Encrypt) with its intermediates",
    details: [`the chain verifies to "${trust.root}", trusted here only through ${given}`],
  };
}
