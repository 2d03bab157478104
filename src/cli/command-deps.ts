import { lookup } from 'node:dns/promises';
import { connect as connectTcp } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect as connectTls, rootCertificates } from 'node:tls';
import type { CommandDeps } from '../commands/command-deps.js';
import { proxySettingsFromEnv } from '../core/proxy/select-proxy.js';
import { defaultCacheDir } from '../core/schema/schema-cache.js';

/** The real outside world, built once per run for the command that runs. */
export function createCommandDeps(env: Record<string, string | undefined> = {}): CommandDeps {
  return {
    now: () => new Date(),
    monotonic: () => performance.now(),
    wallClock: () => Date.now(),
    sleep: (ms) => sleep(ms),
    lookup: (hostname) => lookup(hostname, { all: true }),
    createDispatcher: async (options) =>
      (await import('../core/http/delivery-agent.js')).createDeliveryAgent(options),
    connectTls,
    connectTcp,
    publicRoots: rootCertificates,
    cacheDir: defaultCacheDir(),
    proxyEnv: proxySettingsFromEnv(env),
  };
}
