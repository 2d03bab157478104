import type { IncomingHttpHeaders } from 'node:http';
import { NetworkError } from '../../errors.js';
import { FAILURE_WORDS } from '../net/failure-words.js';
import type { ProxyEndpoint } from '../net/select-proxy.js';

/** A failure of the forward proxy itself, not of the target behind it. */
export class ProxyError extends NetworkError {
  static override readonly defaultCode = 'network.proxy';
}

/** The proxy itself could not be reached or did not answer. */
export function proxyUnreachableError(proxy: ProxyEndpoint, cause: unknown): ProxyError {
  const code = (cause as { code?: unknown } | null)?.code;
  const reason =
    typeof cause === 'string'
      ? cause
      : typeof code === 'string'
        ? (FAILURE_WORDS[code] ?? code)
        : cause instanceof Error
          ? cause.message
          : String(cause);
  return new ProxyError(
    `cannot reach the proxy ${proxy.display}: ${reason}`,
    'Check HTTPS_PROXY / HTTP_PROXY or --proxy (--proxy "" connects directly)',
  );
}

/** The schemes a 407 offers, e.g. ["Basic"] or ["NTLM", "Negotiate"]. */
export function proxyAuthSchemes(headers: IncomingHttpHeaders): string[] {
  const raw = headers['proxy-authenticate'];
  const values: string[] = Array.isArray(raw) ? raw : raw ? [raw] : [];
  // Several challenges may share one header: a scheme is a token followed by a space or the end,
  // not preceded by '=' (which would make it a parameter value).
  return values.flatMap((v) =>
    v
      .split(/,(?=\s*[A-Za-z][\w-]*(?:\s|$))/)
      .map((c: string) => c.trim().split(/\s+/)[0] ?? '')
      .filter(Boolean),
  );
}

/** A proxy that answered CONNECT (or a proxied request) with something other than 2xx. */
export function describeProxyRefusal(
  proxy: ProxyEndpoint,
  authority: string,
  response: { statusCode?: number; statusMessage?: string; headers: IncomingHttpHeaders },
): ProxyError {
  const status = response.statusCode ?? 0;
  if (status === 407) return proxyAuthError(proxy, proxyAuthSchemes(response.headers));
  const text = `${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`;
  return new ProxyError(
    `the proxy ${proxy.display} refused to connect to ${authority} (${text})`,
    'Some proxies allow CONNECT only to port 443 or to listed hosts: ask your network team, or set NO_PROXY / --proxy "" if the host is reachable directly',
  );
}

/**
 * A proxy that answered CONNECT with 2xx and then sent bytes of its own (a body, a banner) before
 * the client said anything: over TLS the server speaks only after the ClientHello, so these bytes
 * cannot be the endpoint's and would otherwise read as "the endpoint does not speak TLS".
 */
export function proxyTunnelBodyError(proxy: ProxyEndpoint, authority: string, head: Buffer): ProxyError {
  const shown = head
    .subarray(0, 32)
    .toString('latin1')
    .replace(/[^\x20-\x7e]/g, '.');
  const more = head.length > 32 ? '…' : '';
  return new ProxyError(
    `the proxy ${proxy.display} answered CONNECT to ${authority} with 200 and then sent ${head.length} bytes of its own ("${shown}${more}") before any TLS`,
    'A proxy must relay the tunnel untouched: ask your network team to fix it, or set NO_PROXY / --proxy "" if the host is reachable directly',
  );
}

export function proxyAuthError(proxy: ProxyEndpoint, schemes: string[]): ProxyError {
  const lower = schemes.map((s) => s.toLowerCase());
  if (lower.length > 0 && !lower.includes('basic')) {
    return new ProxyError(
      `the proxy ${proxy.display} asks for ${schemes.join(' or ')} authentication (407), which tc-webhook does not support`,
      'Run a local proxy that speaks it for you (such as cntlm or px) and point HTTPS_PROXY or --proxy at that',
    );
  }
  if (!proxy.authorization) {
    return new ProxyError(
      `the proxy ${proxy.display} requires authentication (407) and no proxy credentials were given`,
      'Put them in the proxy URL: http://user:password@host:port (percent-encode special characters)',
    );
  }
  return new ProxyError(
    `the proxy ${proxy.display} refused the proxy credentials (407)`,
    'Check the user name and password in the proxy URL (percent-encode special characters)',
  );
}
