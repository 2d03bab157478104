import { isIPv6 } from 'node:net';
import { UsageError } from '../../errors.js';
import { checkHostAndPort, shortenForDisplay } from '../net/host-name.js';
import { misspelledScheme } from '../net/scheme-typo.js';

export interface TlsTarget {
  https: boolean;
  /** Without brackets for IPv6 literals, as node:net wants it. */
  host: string;
  port: number;
}

const FORMS = 'Use https://host[:port][/path] or host[:port], e.g. https://hooks.example.com/tradecloud';

/** `https://host[:port][/path]`, `http://…` (a finding, not an error) or `host[:port]`; IPv6 in brackets. */
export function parseTlsTarget(target: string): TlsTarget {
  const text = target.trim();
  const shown = shortenForDisplay(target);
  if (text === '') throw new UsageError('the target is empty', FORMS);
  const meant = misspelledScheme(text);
  if (meant !== undefined) {
    throw new UsageError(
      `"${shown}" is not a valid target: the scheme is misspelled`,
      `Did you mean ${shortenForDisplay(meant)}?`,
    );
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'https' && scheme !== 'http') {
    throw new UsageError(`unsupported scheme "${scheme}://" in target "${shown}"`, FORMS);
  }
  // A bare IPv6 literal has no port; brackets make it a URL host. (isIPv6 is only asked when the
  // text could be one: its first use compiles a large regular expression, ~15 ms of start-up.)
  const bare = !scheme && text.indexOf(':') !== text.lastIndexOf(':') && isIPv6(text) ? `[${text}]` : text;
  let url: URL;
  try {
    url = new URL(scheme ? text : `https://${bare}`);
  } catch {
    throw new UsageError(`"${shown}" is not a valid target`, FORMS);
  }
  if (url.hostname === '') throw new UsageError(`"${shown}" has no host name`, FORMS);
  const https = url.protocol === 'https:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port === '' ? (https ? 443 : 80) : Number(url.port);
  checkHostAndPort(host, port, 'the target');
  return { https, host, port };
}
