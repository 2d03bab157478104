import type { DeliveryRun } from '../core/delivery/deliver-payloads.js';
import type { ExtraCa } from '../core/net/trust-store.js';
import type { PrivateTrust } from '../core/tls/private-trust.js';

/**
 * Which trust a run's endpoint certificate took: a --ca or NODE_EXTRA_CA_CERTS root, or (undefined)
 * a public one. Certificate parsing loads only when extra CAs were given and a chain was seen.
 */
export async function deliveryTrust(
  run: DeliveryRun,
  extra: readonly ExtraCa[],
  publicRoots: readonly string[],
): Promise<PrivateTrust | undefined> {
  if (!run.peerChain || extra.length === 0) return undefined;
  const { findPrivateTrust } = await import('../core/tls/private-trust.js');
  return findPrivateTrust(run.peerChain, { publicRoots, extra });
}
