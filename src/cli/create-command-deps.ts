import type { CommandDeps } from '../commands/command-deps.js';
import { proxySettingsFromEnv } from '../core/net/proxy-settings.js';
import { defaultCacheDir } from '../core/schema/cache-folder.js';

/**
 * Node's network modules, loaded on first use: validate and sample never open a socket, and
 * node:tls alone is a noticeable part of their start-up.
 */
const tls = () => process.getBuiltinModule('node:tls');

/** The real outside world, built once per run for the command that runs. */
export function createCommandDeps(env: Record<string, string | undefined> = {}): CommandDeps {
  return {
    now: () => new Date(),
    // The monotonic clock performance.now() reads, without the nine modules of perf_hooks that the
    // global \`performance\` loads on first use.
    monotonic: () => Number(process.hrtime.bigint()) / 1e6,
    wallClock: () => Date.now(),
    sleep: (ms) => process.getBuiltinModule('node:timers/promises').setTimeout(ms),
    lookup: (hostname) => process.getBuiltinModule('node:dns/promises').lookup(hostname, { all: true }),
    createDispatcher: async (options) =>
      (await import('../core/http/delivery-agent.js')).createDeliveryAgent(options),
    createLanes: async (options, origin) =>
      (await import('../core/http/delivery-agent.js')).createDeliveryLanes(options, origin),
    connectTls: (...args) => tls().connect(...args),
    connectTcp: (...args) => process.getBuiltinModule('node:net').connect(...args),
    get publicRoots() {
      return tls().rootCertificates;
    },
    // Named on first use: only validation keeps a cache, and the name asks the system for the user.
    get cacheDir() {
      return defaultCacheDir(env.TMPDIR || undefined);
    },
    proxyEnv: proxySettingsFromEnv(env),
    ...(env.NODE_EXTRA_CA_CERTS ? { extraCaFile: env.NODE_EXTRA_CA_CERTS } : {}),
  };
}
