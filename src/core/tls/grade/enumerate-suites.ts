import type { ConnectionOptions } from 'node:tls';
import type { ConnectTls, TlsVersion } from '../probe-types.js';
import type { LegacyVersion } from './client-hello.js';
import { WIRE_VERSIONS } from './client-hello.js';
import { inspectHandshake } from './inspect-handshake.js';
import { runBounded } from './run-bounded.js';
import { sendClientHello, type HelloTarget } from './send-client-hello.js';
import { LEGACY_SUITES, TLS13_SUITES, suiteById, type SuiteFacts } from './suite-catalog.js';

export interface SuiteEnumerationOptions extends HelloTarget {
  /** The versions the server accepted (check-tls's protocol probe); only these are enumerated. */
  versions: readonly TlsVersion[];
  connect: ConnectTls;
  concurrency: number;
}

export interface VersionSuites {
  /** Accepted suites, in the server's order of preference when it enforces one, else strongest first. */
  suites: SuiteFacts[];
  /** Whether the server picks by its own order (null: not determined, e.g. fewer than two suites). */
  serverOrder: boolean | null;
}

/**
 * Every accepted suite per version. TLS 1.0–1.2: hand-built ClientHellos offering every candidate;
 * the server names its choice, which is taken out of the next offer until the server refuses — one
 * round trip per accepted suite instead of a full handshake per candidate (docs/tls-grade.md,
 * "How suites are found"). TLS 1.3 (five suites): one real handshake per suite, concurrently.
 */
export async function enumerateSuites(
  options: SuiteEnumerationOptions,
): Promise<Partial<Record<TlsVersion, VersionSuites>>> {
  const result: Partial<Record<TlsVersion, VersionSuites>> = {};
  await Promise.all(
    options.versions.map(async (version) => {
      result[version] =
        version === 'TLSv1.3' ? await enumerateTls13(options) : await enumerateLegacy(options, version);
    }),
  );
  return result;
}

/** Whether the server still accepts SSL 3.0 (which node:tls cannot offer at all): one ClientHello. */
export async function acceptsSsl3(target: HelloTarget): Promise<boolean> {
  const offer = LEGACY_SUITES.map((s) => s.id);
  const outcome = await sendClientHello(target, 'SSLv3', offer);
  return outcome.kind === 'chosen' && outcome.version === WIRE_VERSIONS.SSLv3;
}

async function enumerateLegacy(
  target: HelloTarget,
  version: Exclude<LegacyVersion, 'SSLv3'>,
): Promise<VersionSuites> {
  const wire = WIRE_VERSIONS[version];
  const chosenFrom = async (offer: readonly number[]): Promise<number | null> => {
    const outcome = await sendClientHello(target, version, offer);
    return outcome.kind === 'chosen' && outcome.version === wire && offer.includes(outcome.suite)
      ? outcome.suite
      : null;
  };
  let remaining = LEGACY_SUITES.map((s) => s.id);
  const accepted: number[] = [];
  for (let round = 0; round < LEGACY_SUITES.length && remaining.length > 0; round++) {
    const chosen = await chosenFrom(remaining);
    if (chosen === null) break;
    accepted.push(chosen);
    remaining = remaining.filter((id) => id !== chosen);
  }
  let serverOrder: boolean | null = null;
  if (accepted.length >= 2) {
    // Offered in reverse, a server that follows its own order still picks its first choice.
    serverOrder = (await chosenFrom([...accepted].reverse())) === accepted[0];
  }
  const suites = accepted.map((id) => suiteById(id)!);
  if (serverOrder === false) suites.sort((a, b) => LEGACY_SUITES.indexOf(a) - LEGACY_SUITES.indexOf(b));
  return { suites, serverOrder };
}

async function enumerateTls13(options: SuiteEnumerationOptions): Promise<VersionSuites> {
  const base: ConnectionOptions = {
    host: options.host,
    port: options.port,
    servername: options.servername,
    minVersion: 'TLSv1.3',
    maxVersion: 'TLSv1.3',
  };
  const outcomes = await runBounded(TLS13_SUITES, options.concurrency, (suite) =>
    inspectHandshake(options.connect, { ...base, ciphers: suite.name }, options.timeoutMs),
  );
  const suites = TLS13_SUITES.filter((suite, i) => outcomes[i]?.cipher === suite.name);
  return { suites, serverOrder: null };
}
