import { X509Certificate } from 'node:crypto';
import { formatName } from './certificate-facts.js';
import type { ExtraCa, TrustSource } from '../net/trust-store.js';
import { indexTrustAnchors } from './trust-anchors.js';
import { buildTrustPath } from './trust-path.js';

/**
 * A chain this machine trusts only through a root from --ca or NODE_EXTRA_CA_CERTS: Tradecloud
 * (public roots only) would not. `file` names the --ca file or the variable's file.
 */
export interface PrivateTrust {
  source: TrustSource;
  file: string;
  /** The subject of the root the chain verifies to. */
  root: string;
}

/**
 * Whether a chain a connection verified (DER, leaf first, as the TLS stack built it) reaches a
 * public root; if not, which --ca or NODE_EXTRA_CA_CERTS certificate it reaches. Undefined when it
 * is publicly trusted or reaches neither.
 */
export function findPrivateTrust(
  chain: readonly Buffer[],
  trust: { publicRoots: readonly string[]; extra: readonly ExtraCa[] },
): PrivateTrust | undefined {
  if (chain.length === 0 || trust.extra.length === 0) return undefined;
  const served = chain.map((der) => new X509Certificate(der));
  const publicly = buildTrustPath(served, indexTrustAnchors({ publicRoots: trust.publicRoots, extra: [] }));
  if (publicly.kind === 'trusted') return undefined;
  const privately = buildTrustPath(served, indexTrustAnchors({ publicRoots: [], extra: trust.extra }));
  if (privately.kind !== 'trusted' || privately.anchor.source === 'public') return undefined;
  const { source, file, cert } = privately.anchor;
  return { source, file: file ?? '', root: formatName(cert.subject) };
}
