import { createSecureContext, rootCertificates } from 'node:tls';
import type { Agent as UndiciAgent, Dispatcher } from 'undici';

export interface DeliveryAgentOptions {
  /** Extra trusted CA certificates (PEM text), added to the public roots, never replacing them. */
  ca: string[];
  /** Keep-alive connections per origin: the burst concurrency. */
  connections: number;
  timeoutMs: number;
}

/**
 * undici's entry module loads fetch, WebSocket, caching and more (about 250 ms of a CLI run); the
 * agent alone loads in a fraction of that, and delivery only needs its dispatch(). undici 7 has no
 * `exports` map, so the file is reachable; the entry module is the fallback should a release move it.
 */
export async function loadAgentClass(): Promise<typeof UndiciAgent> {
  const agentFile = 'undici/lib/dispatcher/agent.js';
  try {
    const Agent = ((await import(agentFile)) as { default: typeof UndiciAgent }).default;
    if (typeof Agent === 'function') return Agent;
  } catch {
    // fall through to the public entry point
  }
  return (await import('undici')).Agent;
}

/**
 * One keep-alive connection pool per origin that verifies certificates the way Tradecloud does:
 * verification always on, TLS 1.2 at least, public roots plus only the CAs the user names.
 */
export async function createDeliveryAgent(options: DeliveryAgentOptions): Promise<Dispatcher> {
  const Agent = await loadAgentClass();
  // One context for every connection: parsing the public root store per TLS handshake costs
  // tens of milliseconds each, which would dominate a burst.
  const secureContext = createSecureContext({
    minVersion: 'TLSv1.2',
    ...(options.ca.length > 0 ? { ca: [...rootCertificates, ...options.ca] } : {}),
  });
  return new Agent({
    connections: options.connections,
    pipelining: 1,
    connect: { secureContext, rejectUnauthorized: true, timeout: options.timeoutMs },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
}
