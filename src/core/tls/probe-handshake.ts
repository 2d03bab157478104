import type { ConnectionOptions, DetailedPeerCertificate, TLSSocket } from 'node:tls';
import { classifyHandshakeError } from './probe-failure.js';
import type { ConnectTls, HandshakeOutcome, HandshakeProgress, HandshakeSuccess } from './probe-types.js';

export interface HandshakeOptions {
  connect: ConnectTls;
  tls: ConnectionOptions;
  timeoutMs: number;
  /**
   * After a TLS 1.3 handshake, keep reading (nothing is written) until the server answers the
   * client's Finished: a server that demands a client certificate can only refuse it then, with an
   * alert (RFC 8446 §4.4.2.4); one that accepts it sends session tickets. See `afterHandshake`.
   */
  awaitServerVerdict?: boolean;
}

// How long to wait for that answer when the server sends neither: twice the handshake's own time
// (which took at least two round trips), within these bounds and never past the deadline.
const VERDICT_MIN_MS = 300;
const VERDICT_MAX_MS = 2000;

/**
 * One TLS handshake, then close (with `awaitServerVerdict`, after the server's answer to it). The socket is only inspected — its protocol, cipher, certificates and
 * OpenSSL's verdict — and never carries application data, which is why callers may set
 * `rejectUnauthorized: false`: check-tls must see an untrusted certificate to explain what is wrong
 * with it. Anything that sends data (send-sample, doctor) verifies certificates and never does this.
 */
export function runHandshake(options: HandshakeOptions): Promise<HandshakeOutcome> {
  const { connect, tls, timeoutMs } = options;
  return new Promise((resolve) => {
    let connected = false;
    let settled = false;
    let socket: TLSSocket | undefined;
    /** Set once a TLS 1.3 handshake completed and the server's verdict is awaited. */
    let session: HandshakeSuccess | undefined;
    let verdictTimer: NodeJS.Timeout | undefined;
    const started = performance.now();
    const finish = (outcome: HandshakeOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(verdictTimer);
      socket?.destroy();
      resolve(outcome);
    };
    const verdict = (after: NonNullable<HandshakeSuccess['afterHandshake']>) =>
      finish({ ...session!, afterHandshake: after });
    // A deadline for the whole handshake, not an idle timeout: a port that trickles bytes still ends.
    const timer = setTimeout(() => {
      if (session) verdict({ outcome: 'quiet' });
      else finish({ ok: false, kind: 'timeout', connected, code: 'ETIMEDOUT', message: 'no answer in time' });
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
    s.once('secureConnect', () => {
      if (!options.awaitServerVerdict || s.getProtocol() !== 'TLSv1.3') return finish(describeSession(s));
      session = describeSession(s);
      const elapsed = performance.now() - started;
      const wait = Math.min(VERDICT_MAX_MS, Math.max(VERDICT_MIN_MS, 2 * elapsed));
      verdictTimer = setTimeout(() => verdict({ outcome: 'quiet' }), wait);
    });
    // A session ticket comes only after the server accepted the client's Finished.
    if (options.awaitServerVerdict) {
      s.on('session', () => {
        if (session) verdict({ outcome: 'accepted' });
      });
    }
    s.on('error', (error) => {
      if (session) return verdict({ outcome: 'refused', code: classifyHandshakeError(error, true).code });
      finish({ ...classifyHandshakeError(error, connected), ...reachedBy(s) });
    });
    s.once('close', () => {
      if (session) return verdict({ outcome: 'quiet' });
      finish({ ok: false, kind: 'closed', connected, code: 'ECONNRESET', message: 'connection closed' });
    });
  });
}

/** What the server had chosen and sent before the handshake failed, if it got as far as its certificate. */
function reachedBy(socket: TLSSocket): { reached?: HandshakeProgress } {
  let leaf: DetailedPeerCertificate | null;
  let cipher: ReturnType<TLSSocket['getCipher']> | null;
  let protocol: string | null;
  try {
    leaf = socket.getPeerCertificate(true);
    cipher = socket.getCipher();
    protocol = socket.getProtocol();
  } catch {
    return {}; // a socket torn down too far to ask: nothing was learnt
  }
  if (!leaf?.raw || !cipher || !protocol) return {};
  return {
    reached: {
      protocol,
      cipher: cipher.standardName || cipher.name,
      alpn: null,
      chain: collectChain(leaf),
    },
  };
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
