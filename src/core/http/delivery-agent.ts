import { lookup } from 'node:dns';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import type * as Undici from 'undici';
import type { Client as UndiciClient, Agent as UndiciAgent, Dispatcher } from 'undici';
import { pinnedLookup, type PinnedHosts } from './clear-text-route.js';
import type { ProxyEndpoint } from '../proxy/select-proxy.js';
import { refuseSelfSignedLeaf } from './self-signed-leaf.js';

export interface DeliveryAgentOptions {
  /** Extra trusted CA certificates (PEM text), added to the public roots, never replacing them. */
  ca: string[];
  /**
   * Keep-alive connections per origin of a pool (createDeliveryAgent, and lanes through a proxy):
   * the burst concurrency. Direct lanes open one per burst worker instead, at most as many.
   */
  connections: number;
  timeoutMs: number;
  /** Webhook deliveries refuse a self-signed endpoint certificate as Tradecloud does; a token endpoint is not held to that. */
  refuseSelfSigned?: boolean;
  /** Plain-http hosts that carry credentials, pinned to the loopback addresses checked for them. */
  pins?: PinnedHosts;
  /** Send every request through this forward proxy (https targets through a CONNECT tunnel). */
  proxy?: ProxyEndpoint;
}

/**
 * undici's entry module loads fetch, WebSocket, caching and more (about 250 ms of a CLI run); a
 * dispatcher class alone loads in a fraction of that, and delivery only needs its dispatch().
 * undici 7 has no `exports` map, so the file is reachable; the entry module is the fallback should
 * a release move it. `via` says which way it was loaded: a test fails when the fast path silently
 * stops working.
 */
async function loadDispatcherClass<T>(
  file: string,
  fromEntry: (entry: typeof Undici) => T,
): Promise<{ value: T; via: 'dispatcher-file' | 'entry' }> {
  try {
    const value = ((await import(file)) as { default: T }).default;
    if (typeof value === 'function') return { value, via: 'dispatcher-file' };
  } catch {
    // fall through to the public entry point
  }
  return { value: fromEntry(await import('undici')), via: 'entry' };
}

export async function loadAgentClass(): Promise<{ Agent: typeof UndiciAgent; via: 'agent-file' | 'entry' }> {
  const { value, via } = await loadDispatcherClass('undici/lib/dispatcher/agent.js', (u) => u.Agent);
  return { Agent: value, via: via === 'entry' ? via : 'agent-file' };
}

export async function loadClientClass(): Promise<{
  Client: typeof UndiciClient;
  via: 'client-file' | 'entry';
}> {
  const { value, via } = await loadDispatcherClass('undici/lib/dispatcher/client.js', (u) => u.Client);
  return { Client: value, via: via === 'entry' ? via : 'client-file' };
}

/** One context for every connection: parsing the public root store per TLS handshake costs tens of milliseconds each, which would dominate a burst. */
function deliverySecureContext(options: DeliveryAgentOptions): SecureContext {
  return createSecureContext({
    minVersion: 'TLSv1.2',
    ...(options.ca.length > 0 ? { ca: [...rootCertificates, ...options.ca] } : {}),
  });
}

/** How every delivery connection is opened and verified (TLS 1.2 at least, verification always on). */
function connectOptions(options: DeliveryAgentOptions, secureContext: SecureContext) {
  return {
    secureContext,
    rejectUnauthorized: true,
    timeout: options.timeoutMs,
    ...(options.refuseSelfSigned ? { checkServerIdentity: refuseSelfSignedLeaf } : {}),
    ...(options.pins && options.pins.size > 0 ? { lookup: pinnedLookup(options.pins, lookup) } : {}),
  };
}

/**
 * One keep-alive connection pool per origin that verifies certificates the way Tradecloud does:
 * verification always on, TLS 1.2 at least, public roots plus only the CAs the user names.
 */
export async function createDeliveryAgent(options: DeliveryAgentOptions): Promise<Dispatcher> {
  const secureContext = deliverySecureContext(options);
  if (options.proxy) return createProxiedAgent(options, options.proxy, secureContext);
  const { Agent } = await loadAgentClass();
  return new Agent({
    connections: options.connections,
    pipelining: 1,
    connect: connectOptions(options, secureContext),
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
}

/** The connections a run's requests to one URL go out on: worker `w` of a burst always uses `lane(w)`. */
export interface DeliveryLanes {
  lane(worker: number): Dispatcher;
  destroy(): Promise<void>;
}

/**
 * The connections of a run to `origin`, verified as createDeliveryAgent's. Each burst worker has
 * one request in flight at a time, so on a direct connection it gets a keep-alive connection of its
 * own (an undici Client, opened on its first request): a request never waits for a free
 * connection, and no pool searches for one (undici's Agent and Pool cost a measurable part of a
 * burst's client time). Through a proxy the workers share undici's ProxyAgent, which tunnels.
 */
export async function createDeliveryLanes(
  options: DeliveryAgentOptions,
  origin: string,
): Promise<DeliveryLanes> {
  if (options.proxy) {
    const shared = await createDeliveryAgent(options);
    return { lane: () => shared, destroy: () => shared.destroy() };
  }
  const secureContext = deliverySecureContext(options);
  const { Client } = await loadClientClass();
  const clientOptions = {
    pipelining: 1,
    connect: connectOptions(options, secureContext),
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  };
  const lanes: UndiciClient[] = [];
  return {
    lane: (worker) => (lanes[worker] ??= new Client(origin, clientOptions)),
    destroy: async () => {
      await Promise.all(lanes.map((client) => client.destroy()));
    },
  };
}

/**
 * The same rules through a forward proxy: undici's ProxyAgent tunnels https targets with CONNECT
 * (TLS runs end to end, verified as above) and sends plain-http targets in absolute form. The proxy
 * credentials travel only in Proxy-Authorization, never in a URL undici might print.
 */
async function createProxiedAgent(
  options: DeliveryAgentOptions,
  proxy: ProxyEndpoint,
  secureContext: SecureContext,
): Promise<Dispatcher> {
  // The entry module: ProxyAgent needs undici's API layer (its CONNECT), which only the entry attaches.
  const { ProxyAgent } = await import('undici');
  const tls = {
    secureContext,
    rejectUnauthorized: true,
    timeout: options.timeoutMs,
    ...(options.refuseSelfSigned ? { checkServerIdentity: refuseSelfSignedLeaf } : {}),
  };
  return new ProxyAgent({
    uri: proxy.display,
    ...(proxy.authorization ? { token: proxy.authorization } : {}),
    proxyTunnel: false,
    requestTls: tls,
    proxyTls: { secureContext, rejectUnauthorized: true, timeout: options.timeoutMs },
    connections: options.connections,
    pipelining: 1,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
}
