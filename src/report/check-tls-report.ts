import type { TlsCheck } from '../core/tls/assess-types.js';
import type { CertificateFacts, ChainEntry } from '../core/tls/certificate-facts.js';
import type { TlsGrade } from '../core/tls/grade/grade-types.js';
import type { NegotiatedFacts, TlsVersion } from '../core/tls/probe-types.js';

/** The contract's JSON result for `check-tls` (docs/cli-contract.md). */
export interface CheckTlsReport {
  target: string;
  host: string;
  port: number;
  ok: boolean;
  /**
   * The address probed when the host's first address refused the connection (`localhost` → `::1`
   * refused, `127.0.0.1` probed); absent otherwise.
   */
  address?: { probed: string; refused: { address: string; code: string }[] };
  /** The proxy the handshakes were tunnelled through (never its credentials); absent when direct. */
  proxy?: string;
  /** Accepted per version; null where the probe could not tell (no answer in time, an unexplained reset). */
  protocols: Record<TlsVersion, boolean | null>;
  negotiated: NegotiatedFacts | null;
  certificate: CertificateFacts | null;
  chain: ChainEntry[];
  checks: TlsCheck[];
  /** With --grade: an estimate following SSL Labs' published rating rules (docs/tls-grade.md). */
  grade?: TlsGrade;
}
