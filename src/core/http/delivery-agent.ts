import { lookup } from 'node:dns';
import { createSecureContext, rootCertificates } from 'node:tls';
import type { Agent as UndiciAgent, Dispatcher } from 'undici';
import { pinnedLookup, type PinnedHosts } from './clear-text-route.js';
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
  const { Agent } = await loadAgentClass();
  // One context for every connection: parsing the public root store per TLS handshake costs
  // tens of milliseconds each, which would dominate a burst.
  const secureContext = createSecureContext({
    minVersion: 'TLSv1.2',
    ...(options.ca.length > 0 ? { ca: [...rootCertificates, ...options.ca] } : {}),
  });
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
