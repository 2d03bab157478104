import { isLoopbackAddress } from '../net/loopback.js';
import type { LookupAll, PinnedHosts } from '../net/clear-text-route.js';
import type { KeyFetch } from './issuer-keys.js';
import { keyUrlProblem } from './key-url.js';

/**
 * Every fetch of a discovery document or key set, including a `jwks_uri` a discovery document
 * names, obeys one rule: https, or plain http to this machine only (key-url.ts). A name that passes
 * (`localhost`) is resolved once, must resolve to loopback addresses only, and the agent's
 * connections to it are pinned to those (`pins` is the map given to the agent's lookup), so the
 * address actually connected to is loopback too.
 */
export function guardKeyFetch(fetch: KeyFetch, lookup: LookupAll, pins: PinnedHosts): KeyFetch {
  return async (url, init) => {
    const problem = keyUrlProblem(url);
    if (problem) throw new Error(`refusing to fetch ${url}: it ${problem} (keys must come over https)`);
    const { hostname } = new URL(url);
    if (hostname === 'localhost' && (pins.get(hostname)?.length ?? 0) === 0) {
      const addresses = await lookup(hostname);
      const outside = addresses.filter((a) => !isLoopbackAddress(a.address));
      if (addresses.length === 0 || outside.length > 0) {
        throw new Error(
          `refusing to fetch ${url}: localhost resolves to ${outside.map((a) => a.address).join(', ') || 'no address'}, not to this machine`,
        );
      }
      pins.set(hostname, addresses);
    }
    return fetch(url, init);
  };
}
