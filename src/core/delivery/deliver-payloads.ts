import type { Credentials } from '../http/auth-credentials.js';
import { unlessAborted } from '../flow/unless-aborted.js';
import { InterruptedError } from '../../errors.js';
import { prepareAuthorization } from '../http/authorization.js';
import type { TallySummary } from '../http/burst-tally.js';
import { maskError, type SecretMasker } from '../http/mask-secrets.js';
import { noAnswerError, unreachableError } from '../net/network-failure.js';
import type { PayloadRequest } from '../requests/payload-request.js';
import type { ProxySettings } from '../net/select-proxy.js';
import { openConnectionPools } from './connection-pools.js';
import type { DeliveryDeps, DeliveryProgress } from './delivery-deps.js';
import type { DeliveryRecord } from './delivery-record.js';
import { runDeliveries } from './run-deliveries.js';

export interface DeliveryRunOptions {
  url: URL;
  /** The OAuth 2.0 token endpoint, when the credentials are client credentials. */
  tokenUrl: URL | undefined;
  credentials: Credentials;
  requests: PayloadRequest[];
  /** Times the request set is sent, with `concurrency` in flight (a burst). */
  count: number;
  concurrency: number;
  timeoutMs: number;
  /** Extra trusted CA certificates (PEM). */
  ca: string[];
  retry: { enabled: boolean; maxRetries: number; baseMs: number; capMs?: number; maxTimeMs?: number };
  /** A pause before request `index` (0-based) is sent, e.g. a scenario step's `delay`. */
  delayBeforeMs?: (index: number) => number;
  /** Knows every secret of the run; access tokens are added as they are fetched. */
  masker: SecretMasker;
  progress?: DeliveryProgress;
  signal?: AbortSignal;
  /** Proxy variables and --proxy (docs: README "Proxies"). */
  proxy?: ProxySettings;
}

export interface DeliverySummary extends TallySummary {
  elapsedMs: number;
  requestsPerSecond: number;
  tokenFetches?: number;
}

export interface DeliveryRun {
  /** Ctrl-C stopped the run: the records and summary cover what was answered before it. */
  interrupted: boolean;
  records: DeliveryRecord[];
  /** Requests run but not listed (bursts keep the first 20 and the first of each other outcome). */
  omitted: number;
  summary: DeliverySummary;
  /** `http://host:port` of the proxy the webhook requests went through (no credentials). */
  proxy?: string;
  /** The certificate chain the first https connection verified (DER, leaf first, up to its root). */
  peerChain?: Buffer[];
}

const QUIET: DeliveryProgress = { tick: () => undefined, stop: () => undefined };

/**
 * The delivery service every command shares (send-sample, doctor, listen's relay): opens the
 * connection pools under the transport rules, authorizes (fetching and caching an OAuth token),
 * and sends the request set as Tradecloud would, retrying only what Tradecloud retries. Throws a
 * could-not-run error when the endpoint could not be reached, or answered nothing at all.
 */
export async function deliverPayloads(options: DeliveryRunOptions, deps: DeliveryDeps): Promise<DeliveryRun> {
  try {
    return await deliver(options, deps);
  } catch (error) {
    throw maskError(error, options.masker);
  }
}

async function deliver(options: DeliveryRunOptions, deps: DeliveryDeps): Promise<DeliveryRun> {
  const { credentials, masker } = options;
  let peerChain: Buffer[] | undefined;
  const { lanes, tokenAgent, proxy } = await openConnectionPools(
    {
      url: options.url,
      tokenUrl: options.tokenUrl,
      sendsSecret: credentials.method !== 'none',
      ca: options.ca,
      connections: Math.max(1, Math.min(options.concurrency, options.requests.length * options.count)),
      timeoutMs: options.timeoutMs,
      ...(options.proxy ? { proxy: options.proxy } : {}),
      onProxySecret: (...secrets) => masker.add(...secrets),
      onPeerChain: (chain) => (peerChain ??= chain),
    },
    deps,
  );
  try {
    // Ctrl-C while the OAuth token is on its way: stop waiting, nothing was sent.
    const authorize = await unlessAborted(
      prepareAuthorization(credentials, {
        dispatcher: tokenAgent,
        timeoutMs: options.timeoutMs,
        tokenUrl: options.tokenUrl,
        now: deps.wallClock,
        onToken: (token) => masker.add(token),
      }),
      options.signal,
    );
    if (!authorize) {
      throw new InterruptedError(
        `interrupted while getting a token from ${options.tokenUrl?.href ?? 'the token endpoint'}: nothing was sent`,
      );
    }
    const run = await runDeliveries({
      url: options.url,
      requests: options.requests,
      count: options.count,
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs,
      lanes,
      authorize: authorize.header,
      retry: { ...options.retry, sleep: deps.sleep },
      masker,
      ...(options.delayBeforeMs ? { delayBeforeMs: options.delayBeforeMs, sleep: deps.sleep } : {}),
      progress: options.progress ?? QUIET,
      monotonic: deps.monotonic,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const interrupted = options.signal?.aborted === true;
    if (!interrupted && run.tally.reached === 0 && run.tally.firstUnreached) {
      throw unreachableError(options.url, run.tally.firstUnreached);
    }
    if (!interrupted && run.tally.answered === 0 && run.tally.firstUnanswered) {
      // The contract's "timeout before any answer": nothing about the endpoint could be checked.
      throw noAnswerError(options.url, run.tally.firstUnanswered);
    }
    const summary = run.tally.summary();
    return {
      ...(proxy ? { proxy: proxy.display } : {}),
      ...(peerChain ? { peerChain } : {}),
      interrupted,
      records: run.tally.records(),
      omitted: run.tally.omitted,
      summary: {
        ...summary,
        elapsedMs: Math.round(run.elapsedMs),
        requestsPerSecond: Math.round((summary.sent / Math.max(run.elapsedMs, 1)) * 1000 * 10) / 10,
        ...(authorize.tokens ? { tokenFetches: authorize.tokens.fetches } : {}),
      },
    };
  } finally {
    await Promise.all([lanes.destroy(), tokenAgent?.destroy()]);
  }
}
