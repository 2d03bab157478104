import { UsageError } from '../../errors.js';

// Apart from select-proxy.ts, which needs node:net: every run reads the proxy URL for its secrets.

/** A proxy to use: its URL for connecting, and what may be shown of it. */
export interface ProxyEndpoint {
  /** The proxy URL including credentials: never print it. */
  url: URL;
  /** `http://host:port`, without credentials: what reports and errors show. */
  display: string;
  /** `Basic …` for Proxy-Authorization when the URL carries a user. */
  authorization?: string;
  /** The password, for the secret masker. */
  password?: string;
}

/** `host:port` alone means http://host:port, as curl reads it. */
export function parseProxyUrl(raw: string, source: string): ProxyEndpoint {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    throw new UsageError(
      `${source} is not a proxy URL`,
      'Give it as http://host:port (or http://user:password@host:port)',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(
      `${source} uses ${url.protocol}//, which is not supported`,
      'Give an http:// or https:// proxy URL (SOCKS proxies are not supported)',
    );
  }
  const display = `${url.protocol}//${url.host}`;
  let user: string;
  let password: string;
  try {
    user = decodeURIComponent(url.username);
    password = decodeURIComponent(url.password);
  } catch {
    // Never repeat the credentials: the password is in what failed to decode.
    throw new UsageError(
      `${source} (${display}) has a malformed percent escape in its user name or password`,
      'Percent-encode special characters of the proxy credentials: % as %25, @ as %40, : as %3A',
    );
  }
  return {
    url,
    display,
    ...(user || password
      ? { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` }
      : {}),
    ...(password ? { password } : {}),
  };
}
