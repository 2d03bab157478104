import type { ConnectionOptions } from 'node:tls';
import type { ConnectTls, TlsVersion } from '../probe-types.js';
import type { LegacyVersion } from './client-hello.js';
import { WIRE_VERSIONS } from './client-hello.js';
import type { AnswerJudge } from './answer-judge.js';
import { inspectHandshake } from './inspect-handshake.js';
import { runBounded } from './run-bounded.js';
import { sendClientHello, type HelloTarget } from './send-client-hello.js';
import { LEGACY_SUITES, TLS13_SUITES, suiteById, type SuiteFacts } from './suite-catalog.js';

export interface SuiteEnumerationOptions extends HelloTarget {
  /** The versions the server accepted (check-tls's protocol probe); only these are enumerated. */
  versions: readonly TlsVersion[];
  connect: ConnectTls;
  concurrency: number;
  /** Decides what a timeout or reset means, and collects what stays unknown. */
  judge: AnswerJudge;
}

export const VERSION_LABEL: Record<TlsVersion, string> = {
  TLSv1: 'TLS 1.0',
  'TLSv1.1': 'TLS 1.1',
  'TLSv1.2': 'TLS 1.2',
  'TLSv1.3': 'TLS 1.3',
};

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
      const found =
        version === 'TLSv1.3' ? await enumerateTls13(options) : await enumerateLegacy(options, version);
      // An accepted version without a single suite found is a probe that learnt nothing, not a fact.
      if (found.suites.length === 0) {
        options.judge.note(
          `${VERSION_LABEL[version]} suites`,
          `none found although ${VERSION_LABEL[version]} was accepted`,
        );
      }
      result[version] = found;
    }),
  );
  return result;
}

/**
 * Whether the server still accepts SSL 3.0 (which node:tls cannot offer at all): one ClientHello.
 * Null when that could not be told (noted as unknown).
 */
export async function acceptsSsl3(target: HelloTarget, judge: AnswerJudge): Promise<boolean | null> {
  const offer = LEGACY_SUITES.map((s) => s.id);
  const answer = await judge.hello(await sendClientHello(target, 'SSLv3', offer));
  if (answer.kind === 'unknown') {
    judge.note('SSL 3.0', answer.why);
    return null;
  }
  return answer.kind === 'accepted' && answer.value.version === WIRE_VERSIONS.SSLv3;
}

// Candidates are dealt round-robin into this many offers, each narrowed down on its own connection
// sequence, so the round trips in a row are about a quarter of the accepted suites.
const SLICES = 4;

async function enumerateLegacy(
  target: SuiteEnumerationOptions,
  version: Exclude<LegacyVersion, 'SSLv3'>,
): Promise<VersionSuites> {
  const wire = WIRE_VERSIONS[version];
  const subject = `${VERSION_LABEL[version]} suites`;
  /** The server's pick from `offer`; null when it refused; undefined when that is unknown (noted). */
  const chosenFrom = async (offer: readonly number[]): Promise<number | null | undefined> => {
    const answer = await target.judge.hello(await sendClientHello(target, version, offer));
    if (answer.kind === 'unknown') {
      target.judge.note(subject, answer.why);
      return undefined;
    }
    return answer.kind === 'accepted' && answer.value.version === wire && offer.includes(answer.value.suite)
      ? answer.value.suite
      : null;
  };
  /** The server's successive choices from `offer`, each taken out of the next offer, until it refuses. */
  const narrow = async (offer: readonly number[]): Promise<number[]> => {
    let remaining = [...offer];
    const chosen: number[] = [];
    while (remaining.length > 0) {
      const pick = await chosenFrom(remaining);
      if (pick === null || pick === undefined) break;
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
    if (forward !== undefined && backward !== undefined) {
      serverOrder = forward !== null && forward === backward;
      if (serverOrder) {
        const ordered = await narrow(accepted);
        if (ordered.length === accepted.length) accepted = ordered;
        else serverOrder = null; // the order could not be read to the end
      }
    }
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
  const answers = await runBounded(TLS13_SUITES, options.concurrency, async (suite) =>
    options.judge.handshake(
      await inspectHandshake(options.connect, { ...base, ciphers: suite.name }, options.timeoutMs),
    ),
  );
  for (const answer of answers)
    if (answer.kind === 'unknown') options.judge.note('TLS 1.3 suites', answer.why);
  const suites = TLS13_SUITES.filter((suite, i) => {
    const answer = answers[i];
    return answer?.kind === 'accepted' && answer.value.cipher === suite.name;
  });
  return { suites, serverOrder: null };
}
