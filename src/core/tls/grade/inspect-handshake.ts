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
 * One inspection-only handshake (no data is sent, as in probe-handshake.ts, which is why trust is
 * not enforced here); null when the server refused the offer or could not be reached.
 */
export function inspectHandshake(
  connect: ConnectTls,
  tls: ConnectionOptions,
  timeoutMs: number,
): Promise<InspectedHandshake | null> {
  return new Promise((resolve) => {
    let settled = false;
    let ocspStapled = false;
    let socket: TLSSocket | undefined;
    const finish = (result: InspectedHandshake | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket?.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    try {
      socket = connect({ rejectUnauthorized: false, checkServerIdentity: () => undefined, ca: [], ...tls });
    } catch {
      finish(null);
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
    s.on('error', () => finish(null));
    s.once('close', () => finish(null));
  });
}
