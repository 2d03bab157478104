import type { ConnectionOptions } from 'node:tls';
import { describeUnreachable, pickFailure } from './probe-failure.js';
import { readGreeting } from './probe-greeting.js';
import { confirmTls12Demand, judgeClientCertificate } from './probe-client-certificate.js';
import { runHandshake } from './probe-handshake.js';
import { trustContext } from '../net/trust-store.js';
import {
  TLS_VERSIONS,
  type ConnectTcp,
  type ConnectTls,
  type HandshakeFailure,
  type HandshakeOutcome,
  type HandshakeSuccess,
  type ProbeResult,
  type TlsVersion,
  MODERN_CIPHERS,
} from './probe-types.js';

export interface ProbeTlsOptions {
  host: string;
  port: number;
  /** SNI; leave it out for IP literals (RFC 6066 forbids IP addresses there). */
  servername?: string;
  /** Node's public root store, and the --ca / NODE_EXTRA_CA_CERTS certificates (PEM) trusted besides it. */
  publicRoots: readonly string[];
  extraCa: readonly string[];
  timeoutMs: number;
  connect: ConnectTls;
  connectTcp: ConnectTcp;
}

// OpenSSL 3 refuses TLS 1.0/1.1 and their SHA-1 handshake signatures at its default security level;
// level 0 lets the client offer them, so that a server still accepting them can be found out.
const LEGACY_CIPHERS = 'DEFAULT@SECLEVEL=0';
const ALPN = ['h2', 'http/1.1'];

/**
 * Five handshakes at once: one per TLS version with min = max = that version, against an empty trust
 * store so that the peer chain is exactly what the server sent; and one at any version against the
 * public roots plus --ca, for OpenSSL's verdict on that chain. Throws a NetworkError when the target
 * cannot be talked to at all.
 */
export async function probeTls(options: ProbeTlsOptions): Promise<ProbeResult> {
  const base: ConnectionOptions = {
    host: options.host,
    port: options.port,
    servername: options.servername,
    ALPNProtocols: ALPN,
    // Inspection only, no data is ever sent: see runHandshake. Trust is judged from `verify` below.
    rejectUnauthorized: false,
    // The host name is cert.hostname's finding, judged on its own; keep it out of the chain verdict.
    checkServerIdentity: () => undefined,
  };
  const handshake = (tls: ConnectionOptions, awaitServerVerdict = false) =>
    runHandshake({
      connect: options.connect,
      tls: { ...base, ...tls },
      timeoutMs: options.timeoutMs,
      awaitServerVerdict,
    });

  const [versions, verify] = await Promise.all([
    Promise.all(
      TLS_VERSIONS.map((version) =>
        handshake({
          minVersion: version,
          maxVersion: version,
          ca: [],
          ciphers: version === 'TLSv1' || version === 'TLSv1.1' ? LEGACY_CIPHERS : MODERN_CIPHERS,
        }),
      ),
    ),
    // Weak keys and SHA-1 are cert.key's and cert.signature's findings (warnings), so OpenSSL's
    // security level must not turn them into a trust failure here.
    // It also waits for a TLS 1.3 server's verdict on a client without a certificate (tls.client-cert).
    handshake(
      {
        secureContext: trustContext(
          options.extraCa,
          { minVersion: 'TLSv1', ciphers: LEGACY_CIPHERS },
          options.publicRoots,
        ),
      },
      true,
    ),
  ]);

  const byVersion = new Map<TlsVersion, HandshakeOutcome>(TLS_VERSIONS.map((v, i) => [v, versions[i]!]));
  const tls12 = byVersion.get('TLSv1.2');
  const tls12Demand = tls12 && !tls12.ok ? await confirmTls12Demand(tls12, handshake) : null;
  if (tls12Demand) byVersion.set('TLSv1.2', tls12Demand);
  const accepted = TLS_VERSIONS.filter((v) => byVersion.get(v)?.ok === true);
  const unknown = accepted.length > 0 ? await judgeUnanswered(byVersion, handshake) : {};
  const best =
    accepted.length > 0 ? (byVersion.get(accepted[accepted.length - 1]!) as HandshakeSuccess) : null;

  if (!best) {
    const failures = [...versions, verify].filter((o): o is HandshakeFailure => !o.ok);
    // A server that speaks TLS but refuses every modern offer is a finding (tls.modern fails), not an
    // unreachable target. Refusals of TLS 1.0/1.1 alone do not show that: a server that stalls after
    // its first bytes refuses those quickly and lets the TLS 1.2/1.3 handshakes run out of time.
    const modern = [byVersion.get('TLSv1.2'), byVersion.get('TLSv1.3'), verify];
    if (!modern.some((o) => o && !o.ok && o.kind === 'rejected')) {
      throw await explainUnreachable(options, failures);
    }
  }

  return {
    protocols: Object.fromEntries(TLS_VERSIONS.map((v) => [v, accepted.includes(v)])) as Record<
      TlsVersion,
      boolean
    >,
    unknown,
    untestable: TLS_VERSIONS.filter((v) => {
      const outcome = byVersion.get(v);
      return outcome !== undefined && !outcome.ok && outcome.kind === 'client-unsupported';
    }),
    negotiated: best ? { protocol: best.protocol, cipher: best.cipher, alpn: best.alpn } : null,
    servedChain: best ? best.chain : [],
    verification: verify.ok ? { authorized: verify.authorized, error: verify.authorizationError } : null,
    clientCertificate: judgeClientCertificate(verify, tls12Demand !== null),
  };
}

/**
 * Which versions the probe could not tell about. A refusal with an alert is an answer; a timeout is
 * not. A reset right after the ClientHello is how many load balancers refuse an old version, but also
 * how an overloaded or rate-limiting server drops anyone: it counts as a refusal only when a control
 * handshake right afterwards succeeds.
 */
async function judgeUnanswered(
  byVersion: Map<TlsVersion, HandshakeOutcome>,
  handshake: (tls: ConnectionOptions) => Promise<HandshakeOutcome>,
): Promise<Partial<Record<TlsVersion, string>>> {
  const unknown: Partial<Record<TlsVersion, string>> = {};
  const failed = TLS_VERSIONS.flatMap((v) => {
    const outcome = byVersion.get(v);
    return outcome && !outcome.ok ? [[v, outcome] as const] : [];
  });
  const resets = failed.filter(([, o]) => o.kind === 'closed');
  const control = resets.length > 0 ? await handshake({ ca: [], ciphers: MODERN_CIPHERS }) : null;
  for (const [version, outcome] of failed) {
    if (outcome.kind === 'rejected' || outcome.kind === 'client-unsupported') continue;
    if (outcome.kind === 'closed') {
      if (control?.ok) continue;
      unknown[version] =
        'connection reset after the ClientHello, and a control handshake right after failed too';
    } else if (outcome.kind === 'timeout') {
      unknown[version] = 'no answer in time';
    } else {
      unknown[version] = `the connection failed (${outcome.code || outcome.kind})`;
    }
  }
  return unknown;
}

async function explainUnreachable(options: ProbeTlsOptions, failures: HandshakeFailure[]): Promise<Error> {
  const failure = pickFailure(failures);
  if (!failure) return new Error('no handshake was attempted');
  const context = { host: options.host, port: options.port, timeoutMs: options.timeoutMs };
  if (failure.kind !== 'not-tls' && failure.kind !== 'closed') return describeUnreachable(failure, context);
  const greeting = await readGreeting({
    connect: options.connect,
    connectTcp: options.connectTcp,
    host: options.host,
    port: options.port,
    servername: options.servername,
    timeoutMs: options.timeoutMs,
  });
  return describeUnreachable(failure, { ...context, greeting });
}
