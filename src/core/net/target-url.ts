import { UsageError } from '../../errors.js';
import { checkHostAndPort, shortenForDisplay } from './host-name.js';
import { isLoopbackHost } from './loopback.js';
import { misspelledScheme } from './scheme-typo.js';

export interface TargetUrl {
  url: URL;
  /** Tradecloud facts the user should know, for stderr. */
  warnings: string[];
}

/**
 * Parses a webhook or token URL and applies the transport rules: Tradecloud only calls https://,
 * so plain http is a local-testing convenience, and credentials never travel in clear text to
 * anything but this machine.
 */
export function parseTargetUrl(
  raw: string,
  options: { what: string; flag: string; sendsSecret: boolean },
): TargetUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // WHATWG URL already reads `https:/host` as https://host/; `https//host` is no URL at all.
    const meant = misspelledScheme(raw);
    throw new UsageError(
      `${options.what} "${shortenForDisplay(raw)}" is not a URL`,
      meant !== undefined
        ? `Did you mean ${shortenForDisplay(meant)}?`
        : `Give a full URL such as https://example.com/hook`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(
      `${options.what} must be an https:// URL, got ${url.protocol}//`,
      'Tradecloud only calls https URLs',
    );
  }
  checkHostAndPort(url.hostname, url.port === '' ? undefined : Number(url.port), options.what);
  if (url.username || url.password) {
    url.username = url.username ? '***' : '';
    url.password = url.password ? '***' : '';
    throw new UsageError(
      `${options.what} ${url.href} carries credentials in the URL`,
      'Tradecloud sends credentials only in the Authorization header: use --auth basic with --username and --password',
    );
  }
  const warnings: string[] = [];
  if (url.protocol === 'http:') {
    const loopback = isLoopbackHost(url.hostname);
    if (options.sendsSecret && !loopback) {
      throw new UsageError(
        `refusing to send credentials in clear text to ${url.origin} (${options.flag} is plain http)`,
        'Use https://; plain http is only allowed for credentials sent to this machine (localhost, 127.0.0.1, ::1)',
      );
    }
    if (options.flag === 'url') {
      warnings.push(
        `${url.origin} is plain http: Tradecloud only calls https:// URLs, so this checks your handler, not your deployment`,
      );
    }
  }
  return { url, warnings };
}
