/** The versions probed, oldest first, named as Node.js names them (`minVersion`, `getProtocol()`). */
export const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

/**
 * The cipher offer of every verifying handshake check-tls makes. OpenSSL 3.0 (Node 20) defaults to
 * security level 1; the OpenSSL of Node 24 and later to 2, which refuses a 1024-bit DH group that
 * level 1 accepts. Level 1 everywhere: the verdict on a server must not depend on the Node.js line
 * that checks it (--grade then caps such a group).
 */
export const MODERN_CIPHERS = 'DEFAULT@SECLEVEL=1';

export type { ConnectTcp, ConnectTls } from '../net/connect-types.js';

/**
 * Why one handshake did not complete. `rejected`: the server speaks TLS but refused this offer (an
 * alert, or it picked a version outside the one offered). `client-unsupported`: this Node.js cannot
 * offer the version at all. The others mean the server could not be talked to.
 */
export type FailureKind =
  | 'dns'
  | 'refused'
  | 'unreachable'
  | 'timeout'
  | 'not-tls'
  | 'closed'
  | 'rejected'
  | 'client-unsupported'
  | 'other';

export interface HandshakeSuccess {
  ok: true;
  protocol: string;
  cipher: string;
  alpn: string | null;
  /** DER of the certificates the server sent, leaf first, following issuer links. */
  chain: Buffer[];
  authorized: boolean;
  authorizationError: string | null;
  /**
   * TLS 1.3, when the caller asked to wait for it: how the server answered the client's Finished,
   * which came without a certificate. `accepted`: it sent a session ticket; `refused`: an alert
   * (`code` is Node's, e.g. ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED); `quiet`: neither in time.
   */
  afterHandshake?: { outcome: 'accepted' | 'quiet' } | { outcome: 'refused'; code: string };
}

/** What a failed handshake had learnt before it failed: the server's choices and certificates. */
export interface HandshakeProgress extends NegotiatedFacts {
  chain: Buffer[];
}

export interface HandshakeFailure {
  ok: false;
  kind: FailureKind;
  /** Whether TCP connected before the failure (a silent TLS port vs. an unreachable host). */
  connected: boolean;
  code: string;
  message: string;
  /** Present when the server had already sent its certificates (TLS 1.2 fails after that point). */
  reached?: HandshakeProgress;
}

export type HandshakeOutcome = HandshakeSuccess | HandshakeFailure;

export interface NegotiatedFacts {
  protocol: string;
  cipher: string;
  alpn: string | null;
}

/** What the probes saw; everything a pure assessment needs besides the trust anchors and the clock. */
export interface ProbeResult {
  protocols: Record<TlsVersion, boolean>;
  /** Versions this Node.js build could not offer, so their result says nothing about the server. */
  untestable: TlsVersion[];
  /**
   * Versions whose probe could not tell (counted as not accepted in `protocols`, shown as null): no
   * answer in time, or a reset after the ClientHello that a control handshake right afterwards
   * could not explain. The value says what happened.
   */
  unknown: Partial<Record<TlsVersion, string>>;
  /** The handshake with the highest accepted version. */
  negotiated: NegotiatedFacts | null;
  /** DER certificates exactly as served (none from the local trust store), leaf first. */
  servedChain: Buffer[];
  /** OpenSSL's verdict on the chain against the trust store; null when that handshake failed. */
  verification: { authorized: boolean; error: string | null } | null;
  /** Whether the server refuses a client without a certificate; absent when not examined. */
  clientCertificate?: ClientCertificateFinding;
}

/**
 * `required`: the server refuses a client that presents no certificate (Tradecloud's never does),
 * seen in `protocol`; `not-required`: a handshake without one was accepted; `unknown`: none got far
 * enough to tell.
 */
export type ClientCertificateFinding =
  | { demand: 'required'; protocol: 'TLSv1.2' | 'TLSv1.3'; alert: string }
  | { demand: 'not-required' | 'unknown' };
