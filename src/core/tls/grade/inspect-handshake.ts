import type { ConnectionOptions, EphemeralKeyInfo, TLSSocket } from 'node:tls';
import type { ConnectTls } from '../probe-types.js';

export interface InspectedHandshake {
  protocol: string;
  /** IANA name (Node's standardName). */
  cipher: string;
  /** The server's ephemeral key: `{ type: 'ECDH', name: 'X25519', size: 253 }` or `{ type: 'DH', size }`. */
  ephemeral: { type: string; name?: string; size: number } | null;
  /** Whether the server stapled an OCSP response (only asked for with `requestOCSP`). */
  ocspStapled: boolean;
}

/**
 * How a handshake failed: `refused` with a TLS alert (an answer), `reset` without one (an answer only
 * if a control handshake right after succeeds), `timeout` (no answer: unknown).
 */
export interface HandshakeFailed {
  failed: 'refused' | 'reset' | 'timeout';
}

/**
 * One inspection-only handshake (no data is sent, as in probe-handshake.ts, which is why trust is
 * not enforced here), or how it failed.
 */
export function inspectHandshake(
  connect: ConnectTls,
  tls: ConnectionOptions,
  timeoutMs: number,
): Promise<InspectedHandshake | HandshakeFailed> {
  return new Promise((resolve) => {
    let settled = false;
    let ocspStapled = false;
    let socket: TLSSocket | undefined;
    const finish = (result: InspectedHandshake | HandshakeFailed) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket?.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ failed: 'timeout' }), timeoutMs);
    try {
      socket = connect({ rejectUnauthorized: false, checkServerIdentity: () => undefined, ca: [], ...tls });
    } catch {
      finish({ failed: 'refused' }); // this offer cannot be made at all
      return;
    }
    const s = socket;
    s.on('OCSPResponse', (response: Buffer | null) => {
      ocspStapled = response !== null && response.length > 0;
    });
    s.once('secureConnect', () => {
      const cipher = s.getCipher();
      const key = s.getEphemeralKeyInfo() as EphemeralKeyInfo | null;
      finish({
        protocol: s.getProtocol() ?? 'unknown',
        cipher: cipher.standardName || cipher.name,
        ephemeral:
          key && typeof key.size === 'number'
            ? { type: String(key.type), ...(key.name ? { name: key.name } : {}), size: key.size }
            : null,
        ocspStapled,
      });
    });
    // An OpenSSL error (ERR_SSL_…) is the server's alert or a refused choice; anything else a reset.
    s.on('error', (error: NodeJS.ErrnoException) =>
      finish({ failed: String(error.code ?? '').startsWith('ERR_SSL_') ? 'refused' : 'reset' }),
    );
    s.once('close', () => finish({ failed: 'reset' }));
  });
}
