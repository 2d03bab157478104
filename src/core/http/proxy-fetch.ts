import type { Dispatcher } from 'undici';
import { diagnoseProxyFailure } from '../proxy/diagnose-proxy-failure.js';
import { selectProxy, type ProxySettings } from '../net/select-proxy.js';

export type Fetch = typeof globalThis.fetch;

/**
 * A fetch that honours the proxy settings (validate --spec and its `$ref`s, listen's issuer keys):
 * each URL takes its own decision; requests through a proxy use undici's ProxyAgent, with
 * certificates verified against the public roots plus --ca. A proxy that refuses is named.
 */
export function createProxyFetch(
  settings: ProxySettings,
  options: { ca: string[]; timeoutMs: number; direct?: Fetch },
): Fetch {
  const agents = new Map<string, Promise<Dispatcher>>();
  const direct = options.direct ?? directFetch(options);
  const proxied: Fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const { proxy } = selectProxy(url, settings, { carriesCredentials: false });
    if (!proxy) return direct(input, init);
    let agent = agents.get(proxy.display);
    if (!agent) {
      // The delivery agent's proxy route: one way to go through a proxy, with the same trust rules.
      agent = import('./delivery-agent.js').then(({ createDeliveryAgent }) =>
        createDeliveryAgent({ ca: options.ca, connections: 4, timeoutMs: options.timeoutMs, proxy }),
      );
      agents.set(proxy.display, agent);
    }
    const { fetch } = await import('undici');
    try {
      return await fetch(url, {
        ...(init as object),
        dispatcher: await agent,
      });
    } catch (error) {
      const named = await diagnoseProxyFailure(error, proxy, url, { timeoutMs: options.timeoutMs });
      throw named ?? error;
    }
  };
  return proxied;
}

/** Straight to the server, verified against the same trust store as everything else. */
function directFetch(options: { ca: string[]; timeoutMs: number }): Fetch {
  let agent: Promise<Dispatcher> | undefined;
  const direct: Fetch = async (input, init) => {
    agent ??= import('./delivery-agent.js').then(({ createDeliveryAgent }) =>
      createDeliveryAgent({ ca: options.ca, connections: 4, timeoutMs: options.timeoutMs }),
    );
    const { fetch } = await import('undici');
    const url = input instanceof Request ? input.url : String(input);
    return await fetch(url, { ...(init as object), dispatcher: await agent });
  };
  return direct;
}
