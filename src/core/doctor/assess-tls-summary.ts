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
export function summarizeTls(checks: readonly TlsCheckLike[], negotiated: string | undefined): DoctorCheck {
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
  return {
    id: 'tls',
    title,
    status: 'pass',
    message: `HTTPS with a trusted certificate${negotiated ? ` (${negotiated})` : ''}`,
  };
}
