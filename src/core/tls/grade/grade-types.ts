import type { TlsCheck } from '../assess-types.js';
import type { TlsVersion } from '../probe-types.js';
import type { VersionSuites } from './enumerate-suites.js';
import type { HstsPolicy } from './hsts-header.js';
import type { KeyExchange } from './suite-catalog.js';

/** What the probes found that both the scores and the caps read. */
export interface ProbedServer {
  protocols: Record<TlsVersion, boolean>;
  /** Versions the protocol probe could not tell about (not accepted in `protocols`, but not refused either). */
  unknownProtocols: readonly TlsVersion[];
  /** SSL 3.0 accepted (probed with a hand-built ClientHello). */
  ssl3: boolean;
  suites: Partial<Record<TlsVersion, VersionSuites>>;
  /** check-tls's own checks (trust, name, validity …), which cap the grade too. */
  checks: readonly TlsCheck[];
  hsts: HstsPolicy | null;
}

/** Best first; T (trust) and M (name mismatch) stand outside this order and fail every minimum. */
export const GRADE_ORDER = ['A+', 'A', 'A-', 'B', 'C', 'D', 'E', 'F'] as const;
export type OrderedLetter = (typeof GRADE_ORDER)[number];
export type GradeLetter = OrderedLetter | 'T' | 'M';

export interface GradeCap {
  id: string;
  /** The best letter the host can get while this finding stands. */
  letter: Exclude<GradeLetter, 'A+'>;
  reason: string;
  fix: string;
}

export interface GradeSuite {
  /** IANA name, as node:tls's `getCipher().standardName` reports it. */
  name: string;
  /** OpenSSL's name ('' when OpenSSL has none), as server configurations spell it. */
  openssl: string;
  kx: KeyExchange;
  bits: number;
  forwardSecrecy: boolean;
  aead: boolean;
  cbc: boolean;
  weak: boolean;
  /** Why the suite is weak (NULL, anonymous, EXPORT, RC4, 64-bit block, under 112 bits, MD5). */
  weakReasons: string[];
}

/** `check-tls --grade`'s `grade` object. An estimate following SSL Labs' published rules. */
export interface TlsGrade {
  letter: GradeLetter;
  /** The letter with trust and name problems set aside (what fixing the certificate would give). */
  letterIgnoringTrust: OrderedLetter;
  scores: { protocol: number; keyExchange: number; cipherStrength: number; total: number };
  caps: GradeCap[];
  /** Whether SSL 3.0 is accepted (not one of check-tls's `protocols`: node:tls cannot speak it); null: unknown. */
  ssl3: boolean | null;
  /** Accepted suites per protocol (node:tls's names), in the server's order where it enforces one. */
  suites: Partial<Record<TlsVersion, GradeSuite[]>>;
  /** Per protocol: whether the server enforces its own suite order (null: not determined). */
  serverOrder: Partial<Record<TlsVersion, boolean | null>>;
  /** ECDHE groups accepted, and the DHE prime size (null: no DHE suite offered). */
  keyExchange: { groups: { name: string; bits: number }[]; dhBits: number | null };
  /** Null: unknown (the stapling handshake got no answer). */
  ocspStapling: boolean | null;
  /** Null when not fetched (untrusted or mismatched certificate) or the request failed. */
  hsts: HstsPolicy | null;
  sct: { present: boolean; count: number };
  /**
   * False when a probe the grade needs got no answer (timed out, or a reset a control handshake could
   * not explain): the letter may then be better or worse than the server deserves.
   */
  complete: boolean;
  /** What is unknown, in words ("TLS 1.0: no answer in time"); empty when complete. */
  unknown: string[];
  /** With --min-grade: the minimum asked for, and whether the letter meets it (never when incomplete). */
  minimum?: { letter: OrderedLetter; met: boolean };
}
