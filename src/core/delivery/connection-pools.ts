import type { Dispatcher } from 'undici';
import { pinClearTextRoute, type PinnedHosts } from '../http/clear-text-route.js';
import type { DeliveryDeps } from './delivery-deps.js';

export interface ConnectionPoolOptions {
  url: URL;
  tokenUrl: URL | undefined;
  /** Whether webhook requests carry credentials (the token request always does). */
  sendsSecret: boolean;
  ca: string[];
  connections: number;
  timeoutMs: number;
}

/**
 * The connection pools of a run, opened only once the transport rules hold: credentials in clear
 * text go only to addresses of this machine, checked before any connection and pinned for all.
 */
export async function openConnectionPools(
  options: ConnectionPoolOptions,
  deps: Pick<DeliveryDeps, 'createDispatcher' | 'lookup'>,
): Promise<{ agent: Dispatcher; tokenAgent: Dispatcher | undefined }> {
  const pins: PinnedHosts = new Map();
  const { lookup } = deps;
  await pinClearTextRoute(options.url, { flag: 'url', sendsSecret: options.sendsSecret, lookup, pins });
  if (options.tokenUrl) {
    await pinClearTextRoute(options.tokenUrl, { flag: '--token-url', sendsSecret: true, lookup, pins });
  }
  const common = { ca: options.ca, timeoutMs: options.timeoutMs, pins };
  const agent = await deps.createDispatcher({
    ...common,
    connections: options.connections,
    refuseSelfSigned: true,
  });
  // The token endpoint (Microsoft's identity platform for Tradecloud) is not a webhook endpoint:
  // the self-signed rule is Tradecloud's rule for the URL it delivers to, so it gets its own pool.
  const tokenAgent = options.tokenUrl
    ? await deps.createDispatcher({ ...common, connections: 1, refuseSelfSigned: false })
    : undefined;
  return { agent, tokenAgent };
}
