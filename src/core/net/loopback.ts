import { BlockList, isIP } from 'node:net';

/**
 * The one rule for "this machine". A URL is loopback when, after WHATWG URL parsing, its host is
 * exactly `localhost` or a loopback address literal (127.0.0.0/8, ::1, ::ffff:127.x.y.z). Names
 * under `.localhost`, and anything that merely starts like one (`localhost.example.test`,
 * `127.example.test`, `localhost@example.test`), are not. Where credentials or signing keys travel
 * in clear text, the connection is then also pinned to the loopback addresses the name resolves to
 * (clear-text-route.ts), so the address actually connected to is loopback too.
 */

// Made on first use: a BlockList holds a native handle, which a start-up snapshot cannot keep.
let loopback: BlockList | undefined;
function loopbackList(): BlockList {
  if (!loopback) {
    loopback = new BlockList();
    loopback.addSubnet('127.0.0.0', 8, 'ipv4');
    loopback.addAddress('::1', 'ipv6');
  }
  return loopback;
}

/** 127.0.0.0/8 and ::1, including IPv4-mapped forms such as ::ffff:127.0.0.1 (BlockList maps them). */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 0) return false;
  return loopbackList().check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

/** A URL's `hostname` (as WHATWG parsing gives it): `localhost` or a loopback address literal. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || isLoopbackAddress(host);
}

/** Whether a URL (text or parsed) names this machine; text that is not a URL is not. */
export function isLoopbackUrl(url: string | URL): boolean {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  return isLoopbackHost(parsed.hostname);
}
