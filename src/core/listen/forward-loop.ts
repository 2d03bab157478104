import { networkInterfaces } from 'node:os';
import { isIP } from 'node:net';
import { UsageError } from '../../errors.js';
import type { LookupAll } from '../net/clear-text-route.js';
import { isLoopbackAddress } from '../net/loopback.js';

/** What every forwarded request carries (RFC 9110 §7.6.3), and how a loop is recognised. */
export const VIA = '1.1 tc-webhook';

/** Whether a request already came through a tc-webhook listener (its `Via` names tc-webhook). */
export function cameThroughListener(via: string | string[] | undefined): boolean {
  const values = Array.isArray(via) ? via : via === undefined ? [] : [via];
  return values
    .flatMap((v) => v.split(','))
    .some((hop) => /^\s*(?:[a-z]+\/)?[\d.]+\s+tc-webhook(?:\s|$)/i.test(hop));
}

/** `::ffff:127.0.0.1` → `127.0.0.1`, lower case: one spelling per address. */
function canonical(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  return mapped ? mapped[1]! : bare;
}

const isUnspecified = (address: string) => address === '0.0.0.0' || address === '::';

async function addressesOf(host: string, lookup: LookupAll): Promise<string[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare) !== 0) return [canonical(bare)];
  try {
    return (await lookup(bare)).map((a) => canonical(a.address));
  } catch {
    return []; // unresolvable: it cannot be this listener
  }
}

/**
 * Refuses a --forward-to that reaches this listener itself (whatever the name: the addresses are
 * compared): every request would be forwarded to itself, without end. `bound` is the address and
 * port listened on; a listener on 0.0.0.0 or :: is reached through any address of this machine.
 */
export async function refuseForwardingToSelf(
  target: URL,
  bound: { host: string; port: number },
  lookup: LookupAll,
): Promise<void> {
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  if (port !== bound.port) return;
  const targets = await addressesOf(target.hostname, lookup);
  const listenHost = canonical(bound.host);
  let own: (address: string) => boolean;
  if (isUnspecified(listenHost)) {
    const local = new Set(
      Object.values(networkInterfaces())
        .flat()
        .filter((i) => i !== undefined)
        .map((i) => canonical(i.address)),
    );
    own = (a) => local.has(a) || isLoopbackAddress(a) || isUnspecified(a);
  } else {
    const listened = new Set(await addressesOf(listenHost, lookup));
    own = (a) => listened.has(a) || (isUnspecified(a) && [...listened].some((l) => isLoopbackAddress(l)));
  }
  const hit = targets.find(own);
  if (hit === undefined) return;
  throw new UsageError(
    `--forward-to ${target.origin} is this listener itself (${hit} port ${port}): every delivery would be forwarded to itself`,
    'Forward to your endpoint, on another port or host',
  );
}
