import { lookup } from 'node:dns/promises';
import { connect as connectTcp } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect as connectTls, rootCertificates } from 'node:tls';
import type { CommandDeps } from '../commands/command-deps.js';
import { defaultCacheDir } from '../core/schema/schema-cache.js';

/** The real outside world, built once per run for the command that runs. */
export function createCommandDeps(): CommandDeps {
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
  };
}
