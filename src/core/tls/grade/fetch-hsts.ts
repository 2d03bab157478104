import type { Dispatcher } from 'undici';
import { USER_AGENT } from '../../net/user-agent.js';
import type { ProxyEndpoint } from '../../net/select-proxy.js';
import { MODERN_CIPHERS } from '../probe-types.js';
import { parseHsts, type HstsPolicy } from './hsts-header.js';

export interface FetchHstsOptions {
  /** `https://host:port/path` as the user gave it. */
  url: string;
  servername?: string;
  /** --ca and NODE_EXTRA_CA_CERTS certificates (PEM), added to the public roots. */
  ca: string[];
  timeoutMs: number;
  /** Stands in for the delivery agent (tests). */
  dispatcher?: Dispatcher;
  /** The proxy check-tls's handshakes went through: the GET goes the same way. */
  proxy?: ProxyEndpoint;
}

/**
 * The one HTTPS request of `check-tls --grade`: a GET to the target with certificate verification on
 * (the delivery agent's rules: public roots plus --ca, TLS 1.2 or newer), reading
 * Strict-Transport-Security. Null when the request fails: the policy is then unknown. Callers only
 * ask for a host whose certificate check-tls found trusted and matching.
 */
export async function fetchHsts(options: FetchHstsOptions): Promise<HstsPolicy | null> {
  const url = new URL(options.url);
  let dispatcher = options.dispatcher;
  let owned = false;
  if (!dispatcher) {
    dispatcher = await createVerifyingAgent(options);
    owned = true;
  }
  try {
    const header = await readHeader(dispatcher, url, options, 'strict-transport-security');
    return header === null ? null : parseHsts(header);
  } finally {
    if (owned) await dispatcher.destroy().catch(() => undefined);
  }
}

/**
 * The delivery agent, direct or through the proxy check-tls's handshakes went through (every request
 * of a run takes the same proxy decision): verification always on, TLS 1.2 or newer, the run's trust
 * store, and the cipher list of check-tls's own handshakes, for the same verdict on every Node.js line.
 */
async function createVerifyingAgent(options: FetchHstsOptions): Promise<Dispatcher> {
  const { createDeliveryAgent } = await import('../../http/delivery-agent.js');
  return createDeliveryAgent({
    ca: options.ca,
    ciphers: MODERN_CIPHERS,
    connections: 1,
    timeoutMs: options.timeoutMs,
    // SNI and the certificate's name check use --servername, as check-tls's own handshakes do.
    ...(options.servername ? { servername: options.servername } : {}),
    ...(options.proxy ? { proxy: options.proxy } : {}),
  });
}

/**
 * GET, then the named header as soon as the response head arrives (undefined: not sent; null: no
 * answer in time or a failed request). The body is never read: the connection is aborted.
 * It speaks undici 7's documented handler interface, as every dispatch of the tool does.
 */
function readHeader(
  dispatcher: Dispatcher,
  url: URL,
  options: FetchHstsOptions,
  name: string,
): Promise<string | undefined | null> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (value: string | undefined | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(() => settle(null), options.timeoutMs);
    const handler: Dispatcher.DispatchHandler = {
      // Its presence tells undici 7 this handler uses the controller API.
      onRequestStart() {},
      onResponseStart(controller, _status, headers) {
        const value = headers[name];
        settle(Array.isArray(value) ? value[0] : value);
        controller.abort(new Error('only the headers were needed'));
      },
      onResponseData() {},
      onResponseEnd() {
        settle(null);
      },
      onResponseError() {
        settle(null);
      },
    };
    try {
      dispatcher.dispatch(
        {
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: 'GET',
          headers: {
            'user-agent': USER_AGENT,
            // --servername names the virtual host; the port stays the target's (RFC 9110 §7.2).
            ...(options.servername ? { host: `${options.servername}${url.port ? `:${url.port}` : ''}` } : {}),
          },
          headersTimeout: options.timeoutMs,
        },
        handler,
      );
    } catch {
      settle(null);
    }
  });
}
