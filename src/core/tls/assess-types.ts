import type { X509Certificate } from 'node:crypto';
import type { CertificateFacts } from './certificate-facts.js';
import type { ProbeResult } from './probe-types.js';
import type { AnchorIndex } from './trust-anchors.js';
import type { TrustPath } from './trust-path.js';

/** The contract's check ids, in the contract's order; every report lists them all. */
export const TLS_CHECK_IDS = [
  'https',
  'tls.modern',
  'tls.legacy',
  'cert.trusted',
  'cert.self-signed',
  'cert.hostname',
  'cert.validity',
  'cert.chain',
  'cert.key',
  'cert.signature',
  'tls.client-cert',
] as const;
export type TlsCheckId = (typeof TLS_CHECK_IDS)[number];
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export interface TlsCheck {
  id: TlsCheckId;
  status: CheckStatus;
  message: string;
}

/** Everything the certificate checks look at, with the trust path built once, on first use. */
export interface CertificateContext {
  served: X509Certificate[];
  leaf: X509Certificate;
  facts: CertificateFacts;
  /** The name Tradecloud will call: --servername, else the target's host. */
  identityHost: string;
  now: Date;
  verification: ProbeResult['verification'];
  anchors: AnchorIndex;
  hasExtraCa: boolean;
  trustPath(): TrustPath;
}

export function check(id: TlsCheckId, status: CheckStatus, message: string): TlsCheck {
  return { id, status, message };
}
