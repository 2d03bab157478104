import type { PrivateTrust } from '../core/tls/private-trust.js';

/**
 * The line send-sample and scenario print when the endpoint's chain was trusted only through --ca or
 * NODE_EXTRA_CA_CERTS: the delivery worked here, but Tradecloud, which trusts public roots only, would
 * refuse the certificate.
 */
export function describePrivateTrust(trust: PrivateTrust): string {
  return (
    `the endpoint's certificate is trusted here only through ${trust.source} ${trust.file} ` +
    `(root "${trust.root}"), not by a public CA: Tradecloud would refuse it`
  );
}
