import { check, type TlsCheck } from './assess-types.js';
import type { ProbeResult } from './probe-types.js';

/**
 * Tradecloud's Webhook Connector authenticates with basic auth, a bearer token or OAuth 2.0 and
 * presents no client certificate (its portal offers no mutual TLS), so an endpoint that demands one
 * refuses every delivery, however good its own certificate.
 */
export function assessClientCertificate(probe: ProbeResult): TlsCheck {
  const finding = probe.clientCertificate ?? { demand: 'unknown' };
  switch (finding.demand) {
    case 'required': {
      const how =
        finding.protocol === 'TLSv1.3'
          ? `it answers a TLS 1.3 handshake without one with the ${finding.alert} alert`
          : 'it ends a TLS 1.2 handshake without one with a handshake_failure alert, and goes on when one is offered';
      return check(
        'tls.client-cert',
        'fail',
        `the server demands a client certificate (${how}); Tradecloud presents none, so no webhook would arrive: stop requiring client certificates on this endpoint and authenticate with basic auth, a bearer token or OAuth 2.0`,
      );
    }
    case 'not-required':
      return check(
        'tls.client-cert',
        'pass',
        'a client without a certificate is accepted, as Tradecloud needs',
      );
    case 'unknown':
      return check(
        'tls.client-cert',
        'skip',
        'not checked: no handshake got far enough to see whether the server demands a client certificate',
      );
  }
}
