import type { DeliveryDeps } from '../core/delivery/delivery-deps.js';
import type { ProxySettings } from '../core/net/select-proxy.js';
import type { ConnectTcp, ConnectTls } from '../core/tls/probe-types.js';
import type { ExtraCa } from '../core/net/trust-store.js';

/**
 * The outside world as every command sees it, built once by the CLI (src/cli/command-deps.ts):
 * clocks, the TLS and TCP connect functions, the HTTP dispatcher factory, DNS, sleep and the cache
 * folder. Tests pass their own, so no command reads the clock or opens a socket by itself.
 */
export interface CommandDeps extends DeliveryDeps {
  /** The wall clock, as a Date: payload timestamps, certificate validity. */
  now: () => Date;
  connectTls: ConnectTls;
  connectTcp: ConnectTcp;
  /** Node's public root store (check-tls indexes it to name the root a chain ends in). */
  publicRoots: readonly string[];
  /** Private folder for the parsed-spec cache (validate --spec). */
  cacheDir: string;
  /** The proxy variables of the environment (https_proxy, http_proxy, no_proxy and their upper case). */
  proxyEnv: ProxySettings;
  /** NODE_EXTRA_CA_CERTS: a file of CA certificates trusted like --ca, by every command. */
  extraCaFile?: string;
}

/** The certificates a run trusts besides the public roots: --ca files, then NODE_EXTRA_CA_CERTS. */
export async function trustedCasOf(
  deps: Pick<CommandDeps, 'extraCaFile'>,
  caFiles: readonly string[],
  cwd: string,
): Promise<ExtraCa[]> {
  // Loaded by the commands that connect: validate and sample read no certificate.
  const { readTrustedCas } = await import('../core/tls/read-ca-files.js');
  return readTrustedCas(caFiles, cwd, deps.extraCaFile);
}

/** The proxy settings of a run: the environment's, with --proxy replacing its *_proxy variables. */
export function proxySettingsOf(
  deps: Pick<CommandDeps, 'proxyEnv'>,
  flag: string | undefined,
): ProxySettings {
  return flag === undefined ? deps.proxyEnv : { ...deps.proxyEnv, flag };
}
