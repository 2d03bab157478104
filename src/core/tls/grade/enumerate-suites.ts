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
 * Every accepted suite per version. TLS 1.0–1.2: hand-built ClientHellos offering the candidates;
 * the server names its choice, which is taken out of the next offer until the server refuses — one
 * round trip per accepted suite instead of a full handshake per candidate, in four concurrent
 * sequences, plus one more sequence to read the server's order when it enforces one
 * (docs/tls-grade.md, "How suites are found"). TLS 1.3 (five suites): one real handshake per suite,
 * concurrently.
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

// Candidates are dealt round-robin into this many offers, each narrowed down on its own connection
// sequence, so the round trips in a row are about a quarter of the accepted suites.
const SLICES = 4;

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
  /** The server's successive choices from `offer`, each taken out of the next offer, until it refuses. */
  const narrow = async (offer: readonly number[]): Promise<number[]> => {
    let remaining = [...offer];
    const chosen: number[] = [];
    while (remaining.length > 0) {
      const pick = await chosenFrom(remaining);
      if (pick === null) break;
      chosen.push(pick);
      remaining = remaining.filter((id) => id !== pick);
    }
    return chosen;
  };
  const candidates = LEGACY_SUITES.map((s) => s.id);
  const slices = Array.from({ length: SLICES }, (_, i) => candidates.filter((_, j) => j % SLICES === i));
  const found = new Set((await Promise.all(slices.map(narrow))).flat());
  let accepted = candidates.filter((id) => found.has(id)); // strongest first
  let serverOrder: boolean | null = null;
  if (accepted.length >= 2) {
    // A server that follows its own order picks the same suite whichever way round they are offered.
    const [forward, backward] = await Promise.all([
      chosenFrom(accepted),
      chosenFrom([...accepted].reverse()),
    ]);
    serverOrder = forward !== null && forward === backward;
    if (serverOrder) accepted = await narrow(accepted);
  }
  return { suites: accepted.map((id) => suiteById(id)!), serverOrder };
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
