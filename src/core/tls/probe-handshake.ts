import type { ConnectionOptions, DetailedPeerCertificate, TLSSocket } from 'node:tls';
import { classifyHandshakeError } from './probe-failure.js';
import type { ConnectTls, HandshakeOutcome, HandshakeSuccess } from './probe-types.js';

export interface HandshakeOptions {
  connect: ConnectTls;
  tls: ConnectionOptions;
  timeoutMs: number;
}

/**
 * One TLS handshake, then close. The socket is only inspected — its protocol, cipher, certificates and
 * OpenSSL's verdict — and never carries application data, which is why callers may set
 * `rejectUnauthorized: false`: check-tls must see an untrusted certificate to explain what is wrong
 * with it. Anything that sends data (send-sample, doctor) verifies certificates and never does this.
 */
export function runHandshake({ connect, tls, timeoutMs }: HandshakeOptions): Promise<HandshakeOutcome> {
  return new Promise((resolve) => {
    let connected = false;
    let settled = false;
    let socket: TLSSocket | undefined;
    const finish = (outcome: HandshakeOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket?.destroy();
      resolve(outcome);
    };
    // A deadline for the whole handshake, not an idle timeout: a port that trickles bytes still ends.
    const timer = setTimeout(() => {
      finish({ ok: false, kind: 'timeout', connected, code: 'ETIMEDOUT', message: 'no answer in time' });
    }, timeoutMs);
    try {
      socket = connect(tls);
    } catch (error) {
      finish(classifyHandshakeError(error, false));
      return;
    }
    const s = socket;
    s.once('connect', () => {
      connected = true;
    });
    s.once('secureConnect', () => finish(describeSession(s)));
    s.on('error', (error) => finish(classifyHandshakeError(error, connected)));
    s.once('close', () => {
      finish({ ok: false, kind: 'closed', connected, code: 'ECONNRESET', message: 'connection closed' });
    });
  });
}

function describeSession(socket: TLSSocket): HandshakeSuccess {
  const cipher = socket.getCipher();
  // Node types this as an Error, but sets the OpenSSL code string (e.g. "CERT_HAS_EXPIRED").
  const reason = socket.authorizationError as unknown;
  return {
    ok: true,
    protocol: socket.getProtocol() ?? 'unknown',
    cipher: cipher.standardName || cipher.name,
    alpn: typeof socket.alpnProtocol === 'string' ? socket.alpnProtocol : null,
    chain: collectChain(socket.getPeerCertificate(true)),
    authorized: socket.authorized,
    authorizationError:
      reason == null ? null : typeof reason === 'string' ? reason : String((reason as Error).message),
  };
}

/** Follows issuer links from the leaf; the self-issued top points at itself, so stop on a repeat. */
function collectChain(leaf: DetailedPeerCertificate): Buffer[] {
  const chain: Buffer[] = [];
  const seen = new Set<string>();
  let cert: DetailedPeerCertificate | undefined = leaf;
  while (cert?.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    chain.push(cert.raw);
    cert = cert.issuerCertificate;
  }
  return chain;
}
