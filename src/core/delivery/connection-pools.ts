import type { Dispatcher } from 'undici';
import type { DeliveryLanes } from '../http/delivery-agent.js';
import { pinClearTextRoute, type PinnedHosts } from '../net/clear-text-route.js';
import { openTunnel, PROXY_QUIET_MS } from '../proxy/open-tunnel.js';
import { selectProxy, type ProxyEndpoint, type ProxySettings } from '../net/select-proxy.js';
import type { DeliveryDeps } from './delivery-deps.js';

export interface ConnectionPoolOptions {
  url: URL;
  tokenUrl: URL | undefined;
  /** Whether webhook requests carry credentials (the token request always does). */
  sendsSecret: boolean;
  ca: string[];
  connections: number;
  timeoutMs: number;
  /** Proxy variables and --proxy; each URL's own decision is taken here. */
  proxy?: ProxySettings;
  /** Told each proxy password, before anything can echo it. */
  onProxySecret?: (...secrets: string[]) => void;
  /** Told the certificate chain a webhook connection verified (see DeliveryAgentOptions). */
  onPeerChain?: (chain: Buffer[]) => void;
}

export interface ConnectionPools {
  /** The webhook requests' connections: a lane per burst worker. */
  lanes: DeliveryLanes;
  tokenAgent: Dispatcher | undefined;
  /** The proxy webhook requests go through, when they do. */
  proxy: ProxyEndpoint | undefined;
}

/**
 * The connection pools of a run, opened only once the transport rules hold: credentials in clear
 * text go only to addresses of this machine, checked before any connection and pinned for all.
 */
export async function openConnectionPools(
  options: ConnectionPoolOptions,
  deps: Pick<DeliveryDeps, 'createDispatcher' | 'createLanes' | 'lookup'>,
): Promise<ConnectionPools> {
  const pins: PinnedHosts = new Map();
  const { lookup } = deps;
  await pinClearTextRoute(options.url, { flag: 'url', sendsSecret: options.sendsSecret, lookup, pins });
  if (options.tokenUrl) {
    await pinClearTextRoute(options.tokenUrl, { flag: '--token-url', sendsSecret: true, lookup, pins });
  }
  const route = async (url: URL, carriesCredentials: boolean) => {
    if (!options.proxy) return undefined;
    const decision = selectProxy(url, options.proxy, { carriesCredentials });
    if (!decision.proxy) return undefined;
    const { proxy } = decision;
    if (proxy.password)
      options.onProxySecret?.(proxy.password, `${decodeURIComponent(proxy.url.username)}:${proxy.password}`);
    // One CONNECT before any request: a proxy that refuses is named in its own words (exit 2).
    if (url.protocol === 'https:') {
      const port = Number(url.port || 443);
      (
        await openTunnel(proxy, url.hostname.replace(/^\[|\]$/g, ''), port, {
          timeoutMs: options.timeoutMs,
          quietMs: PROXY_QUIET_MS,
        })
      ).destroy();
    }
    return proxy;
  };
  const proxy = await route(options.url, options.sendsSecret);
  const tokenProxy = options.tokenUrl ? await route(options.tokenUrl, true) : undefined;
  const common = { ca: options.ca, timeoutMs: options.timeoutMs, pins };
  const lanes = await deps.createLanes(
    {
      ...common,
      connections: options.connections,
      refuseSelfSigned: true,
      ...(proxy ? { proxy } : {}),
      ...(options.onPeerChain ? { onPeerChain: options.onPeerChain } : {}),
    },
    options.url.origin,
  );
  // The token endpoint (Microsoft's identity platform for Tradecloud) is not a webhook endpoint:
  // the self-signed rule is Tradecloud's rule for the URL it delivers to, so it gets its own pool.
  const tokenAgent = options.tokenUrl
    ? await deps.createDispatcher({
        ...common,
        connections: 1,
        refuseSelfSigned: false,
        ...(tokenProxy ? { proxy: tokenProxy } : {}),
      })
    : undefined;
  return { lanes, tokenAgent, proxy };
}
