import { lookup } from 'node:dns';
import {
  checkServerIdentity,
  type DetailedPeerCertificate,
  type PeerCertificate,
  type SecureContext,
} from 'node:tls';
import type { Client as UndiciClient, Dispatcher } from 'undici';
import { pinnedLookup, type PinnedHosts } from '../net/clear-text-route.js';
import type { ProxyEndpoint } from '../net/select-proxy.js';
import { refuseSelfSignedLeaf } from '../net/self-signed-leaf.js';
import { trustContext } from '../net/trust-store.js';

export interface DeliveryAgentOptions {
  /**
   * Extra trusted CA certificates (PEM text: --ca and NODE_EXTRA_CA_CERTS), added to the public
   * roots, never replacing them.
   */
  ca: string[];
  /** The cipher list of the TLS context (check-tls's HSTS request uses its own handshakes'). */
  ciphers?: string;
  /** SNI and the name the certificate must match, when it is not the URL's host (--servername). */
  servername?: string;
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
  /**
   * Told the certificate chain a connection verified (DER, leaf first, up to the trusted root), so a
   * report can say which trust it took. Node tells it on full handshakes, not on resumed sessions.
   */
  onPeerChain?: (chain: Buffer[]) => void;
}

/** The chain OpenSSL verified, as `getPeerCertificate(true)` links it (the root links to itself). */
function chainOf(cert: PeerCertificate): Buffer[] {
  const chain: Buffer[] = [];
  let current: DetailedPeerCertificate | undefined = cert as DetailedPeerCertificate;
  while (current?.raw && !chain.some((der) => der.equals(current!.raw))) {
    chain.push(current.raw);
    current = current.issuerCertificate;
  }
  return chain;
}

/** The identity check of a connection: Node's, or the webhook rule, and then the chain observer. */
function identityCheck(options: DeliveryAgentOptions) {
  const verify = options.refuseSelfSigned ? refuseSelfSignedLeaf : undefined;
  const { onPeerChain } = options;
  if (!onPeerChain) return verify ? { checkServerIdentity: verify } : {};
  return {
    checkServerIdentity: (hostname: string, cert: PeerCertificate) => {
      const refusal = (verify ?? checkServerIdentity)(hostname, cert);
      if (!refusal) onPeerChain(chainOf(cert));
      return refusal;
    },
  };
}

/** One context for every connection (the run's trust store): TLS 1.2 at least. */
function deliverySecureContext(options: DeliveryAgentOptions): SecureContext {
  return trustContext(options.ca, {
    minVersion: 'TLSv1.2',
    ...(options.ciphers ? { ciphers: options.ciphers } : {}),
  });
}

/** How every delivery connection is opened and verified (TLS 1.2 at least, verification always on). */
function connectOptions(options: DeliveryAgentOptions, secureContext: SecureContext) {
  return {
    secureContext,
    rejectUnauthorized: true,
    timeout: options.timeoutMs,
    ...(options.servername ? { servername: options.servername } : {}),
    ...identityCheck(options),
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
  const { Agent } = await import('undici');
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
  const { Client } = await import('undici');
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
  const { ProxyAgent } = await import('undici');
  const tls = {
    secureContext,
    rejectUnauthorized: true,
    timeout: options.timeoutMs,
    ...(options.servername ? { servername: options.servername } : {}),
    ...identityCheck(options),
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
