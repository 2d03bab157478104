import { createSecureContext, rootCertificates } from 'node:tls';
import type { Agent as UndiciAgent, Dispatcher } from 'undici';

export interface DeliveryAgentOptions {
  /** Extra trusted CA certificates (PEM text), added to the public roots, never replacing them. */
  ca: string[];
  /** Keep-alive connections per origin: the burst concurrency. */
  connections: number;
  timeoutMs: number;
}

type RequestMethod = Dispatcher['request'];

/**
 * undici's entry module loads fetch, WebSocket, caching and more (about 250 ms of a CLI run);
 * the agent and the request method alone load in under half that. undici 7 has no `exports`
 * map, so the files are reachable; the entry module is the fallback should a release move them.
 */
async function loadUndici(): Promise<{ Agent: typeof UndiciAgent; request: RequestMethod | undefined }> {
  const agentFile = 'undici/lib/dispatcher/agent.js';
  const requestFile = 'undici/lib/api/api-request.js';
  try {
    const [agent, request] = await Promise.all([import(agentFile), import(requestFile)]);
    const Agent = (agent as { default: typeof UndiciAgent }).default;
    const method = (request as { default: RequestMethod }).default;
    if (typeof Agent === 'function' && typeof method === 'function') return { Agent, request: method };
  } catch {
    // fall through to the public entry point
  }
  return { Agent: (await import('undici')).Agent, request: undefined };
}

/**
 * One keep-alive connection pool per origin that verifies certificates the way Tradecloud does:
 * verification always on, TLS 1.2 at least, public roots plus only the CAs the user names.
 */
export async function createDeliveryAgent(options: DeliveryAgentOptions): Promise<Dispatcher> {
  const { Agent, request } = await loadUndici();
  // One context for every connection: parsing the public root store per TLS handshake costs
  // tens of milliseconds each, which would dominate a burst.
  const secureContext = createSecureContext({
    minVersion: 'TLSv1.2',
    ...(options.ca.length > 0 ? { ca: [...rootCertificates, ...options.ca] } : {}),
  });
  const agent = new Agent({
    connections: options.connections,
    pipelining: 1,
    connect: { secureContext, rejectUnauthorized: true, timeout: options.timeoutMs },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
  // The entry module would add request() to every dispatcher; here only this one gets it.
  if (request && typeof agent.request !== 'function')
    Object.defineProperty(agent, 'request', { value: request });
  return agent;
}
