import { isIP } from 'node:net';
import { connectThroughProxy } from '../proxy/connect-through-proxy.js';
import { openTunnel, PROXY_QUIET_MS } from '../proxy/open-tunnel.js';
import { selectProxy, type ProxyEndpoint, type ProxySettings } from '../net/select-proxy.js';
import { assessTls, type AssessTlsResult } from './assess-tls.js';
import { checkServername } from '../net/host-name.js';
import { probeTls } from './probe-tls.js';
import type { ConnectTcp, ConnectTls, ProbeResult } from './probe-types.js';
import { parseTlsTarget, type TlsTarget } from './target.js';
import { indexTrustAnchors } from './trust-anchors.js';
import { pemsOf, type ExtraCa } from '../net/trust-store.js';
import type { LookupAll } from '../net/clear-text-route.js';
import { findReachableAddress, type FallbackAddress } from './reachable-address.js';

export interface InspectTlsOptions {
  target: string;
  servername?: string;
  /** For an http:// target, also check https on port 443 of the same host. */
  probeHttps: boolean;
  /** The certificates of --ca and NODE_EXTRA_CA_CERTS. */
  extraCa: readonly ExtraCa[];
  timeoutMs: number;
  /** Proxy variables and --proxy: the handshakes are tunnelled through CONNECT when one applies. */
  proxy?: ProxySettings;
}

export interface InspectTlsDeps {
  connectTls: ConnectTls;
  connectTcp: ConnectTcp;
  now(): Date;
  publicRoots: readonly string[];
  lookup: LookupAll;
}

export interface TlsInspection {
  target: TlsTarget;
  /** The port probed (443 for an http:// target with --probe-https). */
  port: number;
  /** The SNI sent: --servername, else the host name (never an IP address). */
  servername: string | undefined;
  /** Set when the host's first address refused the connection and a later one was probed. */
  fallback: FallbackAddress | undefined;
  /** The host the handshakes connect to: the fallback address, else the target's host. */
  connectHost: string;
  probe: ProbeResult | null;
  result: AssessTlsResult;
  /** The proxy the handshakes were tunnelled through, if any. */
  proxy: ProxyEndpoint | undefined;
  /** The connect functions used (tunnelled through the proxy, if any), for the grade's handshakes. */
  connects: Pick<InspectTlsDeps, 'connectTls' | 'connectTcp'>;
}

/**
 * The TLS service check-tls and doctor share: probes the endpoint's protocols, certificate and
 * chain with node:tls, then assesses them against Tradecloud's rules.
 */
export async function inspectTlsEndpoint(
  options: InspectTlsOptions,
  deps: InspectTlsDeps,
): Promise<TlsInspection> {
  const target = parseTlsTarget(options.target);
  if (options.servername !== undefined) checkServername(options.servername);
  const probed = target.https || options.probeHttps;
  // An http:// target is a failed `https` check; its port 443 is looked at only when asked for.
  const port = target.https ? target.port : 443;
  const servername = options.servername ?? (isIP(target.host) ? undefined : target.host);
  const proxy = probed ? await proxyFor(target.host, port, options) : undefined;
  const connects = proxy
    ? connectThroughProxy(proxy, deps.connectTls, options.timeoutMs)
    : { connectTls: deps.connectTls, connectTcp: deps.connectTcp };
  // Through a proxy, the proxy resolves the name; directly, a refusing first address is skipped.
  const fallback =
    probed && !proxy ? await findReachableAddress(target.host, port, deps, options.timeoutMs) : undefined;
  const connectHost = fallback?.address ?? target.host;
  const probe = probed
    ? await probeTls({
        host: connectHost,
        port,
        servername,
        publicRoots: deps.publicRoots,
        extraCa: pemsOf(options.extraCa),
        timeoutMs: options.timeoutMs,
        connect: connects.connectTls,
        connectTcp: connects.connectTcp,
      })
    : null;
  const result = assessTls({
    https: target.https,
    identityHost: options.servername ?? target.host,
    probe,
    anchors: indexTrustAnchors({ publicRoots: deps.publicRoots, extra: options.extraCa }),
    hasExtraCa: options.extraCa.length > 0,
    now: deps.now(),
  });
  return {
    target,
    port: probed ? port : target.port,
    servername,
    fallback,
    connectHost,
    probe,
    result,
    proxy,
    connects,
  };
}

/** The proxy for this endpoint, checked with one CONNECT so that its refusal is named (exit 2). */
async function proxyFor(
  host: string,
  port: number,
  options: InspectTlsOptions,
): Promise<ProxyEndpoint | undefined> {
  if (!options.proxy) return undefined;
  const url = new URL(`https://${host.includes(':') ? `[${host}]` : host}:${port}/`);
  const { proxy } = selectProxy(url, options.proxy, { carriesCredentials: false });
  if (proxy)
    (
      await openTunnel(proxy, host, port, { timeoutMs: options.timeoutMs, quietMs: PROXY_QUIET_MS })
    ).destroy();
  return proxy;
}
