import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { UsageError } from '../../errors.js';
import { isLoopbackAddress, isLoopbackHost } from './loopback.js';
import { describeNetworkFailure, unreachableError } from './network-failure.js';

export { isLoopbackAddress } from './loopback.js';

/**
 * Credentials go over plain http only to this machine. The decision is taken on the addresses a
 * name resolves to, not on the name ("evil.localhost" may resolve anywhere), and the connection is
 * then pinned to exactly the addresses checked, so a DNS answer that changes between the check and
 * the connect (rebinding) cannot redirect the credentials.
 *
 * This is also the one place that decides the route of such a request: it always goes straight to
 * the pinned loopback address and never through a proxy (see {@link goesDirect}).
 */

/** Resolves every address of a host name (dns.promises.lookup with `all: true`); a parameter so tests can inject answers. */
export type LookupAll = (hostname: string) => Promise<LookupAddress[]>;

/** Host name → the loopback addresses checked for it; connections to that name use only these. */
export type PinnedHosts = Map<string, LookupAddress[]>;

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '').toLowerCase();

/** Plain http carrying credentials: the requests this module routes. */
export function carriesCredentialsInClear(url: URL, sendsSecret: boolean): boolean {
  return sendsSecret && url.protocol === 'http:';
}

/**
 * Whether a request must bypass any proxy: loopback targets, and plain-http requests carrying
 * credentials (a proxy would see them in clear).
 */
export function goesDirect(url: URL, sendsSecret: boolean): boolean {
  return carriesCredentialsInClear(url, sendsSecret) || isLoopbackHost(url.hostname);
}

function refuse(url: URL, flag: string, found: string): UsageError {
  return new UsageError(
    `refusing to send credentials in clear text to ${url.origin} (${flag} is plain http): ${found}`,
    'Use https://; plain http is only allowed for credentials sent to this machine (localhost, 127.0.0.1, ::1)',
  );
}

/**
 * Checks a plain-http URL that will carry credentials and pins its host to the loopback addresses
 * it resolves to. Every address must be loopback, IPv4 and IPv6 alike: a connection may use any.
 * Adds nothing for an https URL, or one without credentials.
 */
export async function pinClearTextRoute(
  url: URL,
  options: { flag: string; sendsSecret: boolean; lookup: LookupAll; pins: PinnedHosts },
): Promise<void> {
  if (!carriesCredentialsInClear(url, options.sendsSecret)) return;
  const host = bare(url.hostname);
  if (isIP(host) !== 0) {
    // An address literal is connected to as written: no lookup, nothing to pin.
    if (!isLoopbackAddress(host))
      throw refuse(url, options.flag, `${host} is not an address of this machine`);
    return;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await options.lookup(host);
  } catch (error) {
    throw unreachableError(url, { stage: 'connect', note: describeNetworkFailure(error, 0).reason });
  }
  const outside = addresses.filter((a) => !isLoopbackAddress(a.address));
  if (addresses.length === 0 || outside.length > 0) {
    const list = outside.map((a) => a.address).join(', ') || 'no address';
    throw refuse(url, options.flag, `${host} resolves to ${list}, not to this machine`);
  }
  options.pins.set(host, addresses);
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for net/tls.connect that answers pinned names from the checked addresses only, and
 * leaves every other name to `fallback` (dns.lookup).
 */
export function pinnedLookup(
  pins: PinnedHosts,
  fallback: (hostname: string, options: object, callback: LookupCallback) => void,
) {
  return (
    hostname: string,
    options: { all?: boolean; family?: number | string },
    callback: LookupCallback,
  ) => {
    const pinned = pins.get(bare(hostname));
    if (!pinned) {
      fallback(hostname, options, callback);
      return;
    }
    const family =
      options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0);
    const usable = family === 4 || family === 6 ? pinned.filter((a) => a.family === family) : pinned;
    if (usable.length === 0) {
      callback(
        Object.assign(new Error(`no IPv${family} address for ${hostname}`), { code: 'ENOTFOUND' }),
        [],
      );
    } else if (options.all) callback(null, usable);
    else callback(null, usable[0]!.address, usable[0]!.family);
  };
}
