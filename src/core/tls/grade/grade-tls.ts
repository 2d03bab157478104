import type { TlsCheck } from '../assess-types.js';
import type { CertificateFacts } from '../certificate-facts.js';
import { countEmbeddedScts } from '../der-sct.js';
import { TLS_VERSIONS, type ConnectTcp, type ConnectTls, type ProbeResult } from '../probe-types.js';
import { acceptsSsl3, enumerateSuites, VERSION_LABEL } from './enumerate-suites.js';
import type { OrderedLetter, TlsGrade } from './grade-types.js';
import type { HstsPolicy } from './hsts-header.js';
import { probeKeyExchange } from './probe-key-exchange.js';
import { createAnswerJudge } from './answer-judge.js';
import { inspectHandshake } from './inspect-handshake.js';
import { rateGrade } from './rate-grade.js';

export interface GradeTlsOptions {
  host: string;
  port: number;
  servername?: string;
  timeoutMs: number;
  connect: ConnectTls;
  connectTcp: ConnectTcp;
  /** check-tls's probe and findings: the grade builds on them. */
  probe: ProbeResult;
  checks: readonly TlsCheck[];
  certificate: CertificateFacts | null;
  /** The HSTS request; only called when the certificate is trusted and names the host. */
  fetchHsts: () => Promise<HstsPolicy | null>;
  minimum?: OrderedLetter;
}

// Handshakes at once: enough to hide round trips, few enough not to look like a flood to the server.
const CONCURRENCY = 16;

/** Suites, key exchange, OCSP stapling, SCTs and HSTS, then the rating (docs/tls-grade.md). */
export async function gradeTls(options: GradeTlsOptions): Promise<TlsGrade> {
  const { probe } = options;
  const status = (id: string) => options.checks.find((c) => c.id === id)?.status;
  const trusted =
    status('cert.trusted') === 'pass' &&
    status('cert.hostname') !== 'fail' &&
    status('cert.validity') !== 'fail';
  const target = {
    host: options.host,
    port: options.port,
    servername: options.servername,
    timeoutMs: options.timeoutMs,
  };
  const hsts = trusted ? options.fetchHsts() : Promise.resolve(null);
  const versions = TLS_VERSIONS.filter((v) => probe.protocols[v]);
  // The control handshake: an ordinary offer at the best version the protocol probe saw accepted.
  const best = versions.at(-1);
  const judge = createAnswerJudge(async () =>
    best
      ? !(
          'failed' in
          (await inspectHandshake(
            options.connect,
            {
              host: target.host,
              port: target.port,
              servername: target.servername,
              minVersion: best,
              maxVersion: best,
            },
            target.timeoutMs,
          ))
        )
      : false,
  );
  for (const version of TLS_VERSIONS) {
    const why = probe.unknown[version];
    if (why) judge.note(VERSION_LABEL[version], why);
  }
  const enumeration = enumerateSuites({
    ...target,
    connect: options.connect,
    connectTcp: options.connectTcp,
    concurrency: CONCURRENCY,
    versions,
    judge,
  });
  const [ssl3, suites, keyExchange] = await Promise.all([
    acceptsSsl3({ ...target, connectTcp: options.connectTcp }, judge),
    enumeration,
    probeKeyExchange({ ...target, connect: options.connect, versions, suites: enumeration, judge }),
  ]);
  const leaf = probe.servedChain[0];
  let sctCount = 0;
  try {
    sctCount = leaf ? countEmbeddedScts(leaf) : 0;
  } catch {
    sctCount = 0; // an unreadable extension is reported as no SCTs
  }
  return rateGrade({
    protocols: probe.protocols,
    unknownProtocols: TLS_VERSIONS.filter((v) => probe.unknown[v] !== undefined),
    ssl3: ssl3 === true,
    ssl3Answer: ssl3,
    suites,
    negotiatedCipher: probe.negotiated?.cipher ?? null,
    keyExchange,
    certificate: options.certificate,
    checks: options.checks,
    hsts: await hsts,
    sctCount,
    minimum: options.minimum,
    unknown: judge.unknown(),
  });
}
