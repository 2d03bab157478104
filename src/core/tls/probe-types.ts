import type { Socket } from 'node:net';
import type { ConnectionOptions, TLSSocket } from 'node:tls';

/** The versions probed, oldest first, named as Node.js names them (`minVersion`, `getProtocol()`). */
export const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

/** `tls.connect`, injectable so that tests and other transports can stand in. */
export type ConnectTls = (options: ConnectionOptions) => TLSSocket;
/** `net.connect`, used only to read what a port answers when it does not speak TLS. */
export type ConnectTcp = (options: { host: string; port: number }) => Socket;

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
}

export interface HandshakeFailure {
  ok: false;
  kind: FailureKind;
  /** Whether TCP connected before the failure (a silent TLS port vs. an unreachable host). */
  connected: boolean;
  code: string;
  message: string;
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
  /** The handshake with the highest accepted version. */
  negotiated: NegotiatedFacts | null;
  /** DER certificates exactly as served (none from the local trust store), leaf first. */
  servedChain: Buffer[];
  /** OpenSSL's verdict on the chain against the trust store; null when that handshake failed. */
  verification: { authorized: boolean; error: string | null } | null;
}
