import { isLoopbackUrl } from '../net/loopback.js';

/**
 * Discovery documents and signing keys are fetched over https only: keys fetched in clear text
 * could be replaced on the way, and a forged token would then pass. Plain http is allowed for this
 * machine alone (loopback.ts), and the connection is pinned to its loopback addresses. Returns
 * what is wrong with `raw`, or undefined when it may be fetched.
 */
export function keyUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopbackUrl(url)) return undefined;
  return url.protocol === 'http:'
    ? 'is plain http to a host that is not this machine'
    : 'is not an https:// URL';
}
