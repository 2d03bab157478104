import { lookup } from 'node:dns';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import type { Agent as UndiciAgent, Dispatcher } from 'undici';
import { pinnedLookup, type PinnedHosts } from './clear-text-route.js';
import type { ProxyEndpoint } from '../proxy/select-proxy.js';
import { refuseSelfSignedLeaf } from './self-signed-leaf.js';

export interface DeliveryAgentOptions {
  /** Extra trusted CA certificates (PEM text), added to the public roots, never replacing them. */
  ca: string[];
  /** Keep-alive connections per origin: the burst concurrency. */
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
 * undici's entry module loads fetch, WebSocket, caching and more (about 250 ms of a CLI run); the
 * agent alone loads in a fraction of that, and delivery only needs its dispatch(). undici 7 has no
 * `exports` map, so the file is reachable; the entry module is the fallback should a release move it.
 */
export async function loadAgentClass(): Promise<{
  Agent: typeof UndiciAgent;
  /** Which way it was loaded: a test fails when the fast path silently stops working. */
  via: 'agent-file' | 'entry';
}> {
  const agentFile = 'undici/lib/dispatcher/agent.js';
  try {
    const Agent = ((await import(agentFile)) as { default: typeof UndiciAgent }).default;
    if (typeof Agent === 'function') return { Agent, via: 'agent-file' };
  } catch {
    // fall through to the public entry point
  }
  return { Agent: (await import('undici')).Agent, via: 'entry' };
}

/**
 * One keep-alive connection pool per origin that verifies certificates the way Tradecloud does:
 * verification always on, TLS 1.2 at least, public roots plus only the CAs the user names.
 */
export async function createDeliveryAgent(options: DeliveryAgentOptions): Promise<Dispatcher> {
  // One context for every connection: parsing the public root store per TLS handshake costs
  // tens of milliseconds each, which would dominate a burst.
  const secureContext = createSecureContext({
    minVersion: 'TLSv1.2',
    ...(options.ca.length > 0 ? { ca: [...rootCertificates, ...options.ca] } : {}),
  });
  if (options.proxy) return createProxiedAgent(options, options.proxy, secureContext);
  const { Agent } = await loadAgentClass();
  return new Agent({
    connections: options.connections,
    pipelining: 1,
    connect: {
      secureContext,
      rejectUnauthorized: true,
      timeout: options.timeoutMs,
      ...(options.refuseSelfSigned ? { checkServerIdentity: refuseSelfSignedLeaf } : {}),
      ...(options.pins && options.pins.size > 0 ? { lookup: pinnedLookup(options.pins, lookup) } : {}),
    },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
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
