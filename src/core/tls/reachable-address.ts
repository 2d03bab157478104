import { isIP } from 'node:net';
import type { LookupAll } from '../net/clear-text-route.js';
import type { ConnectTcp } from './probe-types.js';

/** The address check-tls talks to when the host's first address refused the connection. */
export interface FallbackAddress {
  address: string;
  /** The addresses tried before it, each with the error it gave (e.g. `::1` ECONNREFUSED). */
  refused: { address: string; code: string }[];
}

// Errors that mean "nothing listens at this address": the next address of the name is tried.
const TRY_NEXT = new Set(['ECONNREFUSED', 'EADDRNOTAVAIL', 'ENETUNREACH', 'EHOSTUNREACH', 'EAFNOSUPPORT']);

/**
 * A name such as `localhost` often resolves to `::1` and `127.0.0.1`, and a local server (listen,
 * a dev server) may listen on only one of them. Every check-tls handshake would then ask `::1`
 * first; instead, the addresses are tried in the resolver's order with one TCP connection each and
 * the first that accepts is probed (the SNI and the certificate's names stay the host name).
 * Undefined when there is nothing to decide: an address literal, one address, a DNS error (the
 * probe reports it), the first address accepting, or no address accepting.
 */
export async function findReachableAddress(
  host: string,
  port: number,
  deps: { lookup: LookupAll; connectTcp: ConnectTcp },
  timeoutMs: number,
): Promise<FallbackAddress | undefined> {
  if (isIP(host) !== 0) return undefined;
  let addresses: string[];
  try {
    addresses = [...new Set((await deps.lookup(host)).map((a) => a.address))];
  } catch {
    return undefined;
  }
  if (addresses.length < 2) return undefined;
  const refused: FallbackAddress['refused'] = [];
  for (const address of addresses) {
    const code = await tryConnect(address, port, deps.connectTcp, timeoutMs);
    if (code === null) return refused.length > 0 ? { address, refused } : undefined;
    if (!TRY_NEXT.has(code)) return undefined; // e.g. a timeout: not a "nothing listens here"
    refused.push({ address, code });
  }
  return undefined;
}

/** Null when the TCP connection was accepted, else the error code. */
function tryConnect(
  host: string,
  port: number,
  connectTcp: ConnectTcp,
  timeoutMs: number,
): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connectTcp({ host, port });
    const finish = (code: string | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(code);
    };
    const timer = setTimeout(() => finish('ETIMEDOUT'), timeoutMs);
    socket.once('connect', () => finish(null));
    socket.once('error', (error: NodeJS.ErrnoException) => finish(error.code ?? 'ERROR'));
  });
}
