import { BlockList, isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import { isLoopbackHost } from './loopback.js';
import type { ProxySettings } from './proxy-settings.js';
import { parseProxyUrl, type ProxyEndpoint } from './proxy-url.js';

export type { ProxySettings } from './proxy-settings.js';
export { parseProxyUrl, type ProxyEndpoint } from './proxy-url.js';

export type ProxyBypass = 'not-configured' | 'no-proxy' | 'loopback' | 'credentials-over-http';

export type ProxyDecision = { proxy: ProxyEndpoint } | { proxy: undefined; bypass: ProxyBypass };

export function selectProxy(
  target: URL,
  settings: ProxySettings,
  options: { carriesCredentials: boolean },
): ProxyDecision {
  const raw =
    settings.flag !== undefined
      ? settings.flag
      : target.protocol === 'https:'
        ? settings.httpsProxy
        : settings.httpProxy;
  if (raw === undefined || raw.trim() === '') return { proxy: undefined, bypass: 'not-configured' };
  // Loopback (loopback.ts) or an unspecified address (0.0.0.0, ::): this machine, never a proxy.
  if (isLoopbackHost(target.hostname) || isUnspecified(normalizeHost(target.hostname)))
    return { proxy: undefined, bypass: 'loopback' };
  if (matchesNoProxy(target, settings.noProxy)) return { proxy: undefined, bypass: 'no-proxy' };
  // A proxy would see credentials sent in clear text: such a request goes direct or not at all.
  if (target.protocol === 'http:' && options.carriesCredentials) {
    return { proxy: undefined, bypass: 'credentials-over-http' };
  }
  return { proxy: parseProxyUrl(raw, settings.flag !== undefined ? '--proxy' : proxyVariable(target)) };
}

function proxyVariable(target: URL): string {
  return target.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY';
}

function effectivePort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/**
 * NO_PROXY: a comma (or space) separated list of host names, domain suffixes (a leading dot is
 * optional), IP addresses or CIDR ranges, each with an optional `:port`; `*` matches everything.
 */
export function matchesNoProxy(target: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = normalizeHost(target.hostname);
  const port = effectivePort(target);
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim();
    if (entry === '') continue;
    if (entry === '*') return true;
    const { name, port: entryPort } = splitEntry(entry);
    if (entryPort !== undefined && entryPort !== port) continue;
    if (name === '') continue;
    if (matchesName(host, normalizeHost(name))) return true;
  }
  return false;
}

function splitEntry(entry: string): { name: string; port?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { name: bracketed[1]!, ...(bracketed[2] ? { port: bracketed[2] } : {}) };
  // A bare IPv6 address has several colons: no port can be attached without brackets.
  if ((entry.match(/:/g) ?? []).length > 1) return { name: entry };
  const withPort = /^(.*):(\d+)$/.exec(entry);
  return withPort ? { name: withPort[1]!, port: withPort[2]! } : { name: entry };
}

function matchesName(host: string, name: string): boolean {
  const cidr = /^(.+)\/(\d{1,3})$/.exec(name);
  if (cidr && isIP(cidr[1]!) && isIP(host)) {
    const family = isIP(cidr[1]!) === 4 ? 'ipv4' : 'ipv6';
    if (isIP(host) !== (family === 'ipv4' ? 4 : 6)) return false;
    const list = new BlockList();
    try {
      list.addSubnet(cidr[1]!, Number(cidr[2]), family);
    } catch {
      return false;
    }
    return list.check(host, family);
  }
  if (isIP(name))
    return isIP(host) !== 0 && (sameAddress(host, name) || (isUnspecified(host) && isUnspecified(name)));
  const domain = normalizeHost(name.replace(/^\*?\./, ''));
  return host === domain || host.endsWith(`.${domain}`);
}

function sameAddress(a: string, b: string): boolean {
  if (isIP(a) !== isIP(b)) return false;
  if (isIP(a) === 4) return a === b;
  const list = new BlockList();
  list.addAddress(b, 'ipv6');
  return list.check(a, 'ipv6');
}

/**
 * One spelling per host, so NO_PROXY entries and targets compare alike: no brackets, lower case,
 * no trailing dot, and international names in their ASCII (punycode) form, as URLs carry them.
 */
export function normalizeHost(name: string): string {
  const bare = name
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  if (bare === '' || isIP(bare) !== 0 || /^[\x21-\x7e]*$/.test(bare)) return bare;
  return domainToASCII(bare) || bare;
}

/** 0.0.0.0 and :: (also ::ffff:0.0.0.0): an unspecified address, which connects to this machine. */
function isUnspecified(host: string): boolean {
  const family = isIP(host);
  if (family === 4) return host === '0.0.0.0';
  if (family !== 6) return false;
  const list = new BlockList();
  list.addAddress('::', 'ipv6');
  list.addAddress('::ffff:0.0.0.0', 'ipv6');
  return list.check(host, 'ipv6');
}
