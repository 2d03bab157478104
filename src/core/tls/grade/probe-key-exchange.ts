import type { ConnectionOptions } from 'node:tls';
import { MODERN_CIPHERS, type ConnectTls, type TlsVersion } from '../probe-types.js';
import type { VersionSuites } from './enumerate-suites.js';
import type { AnswerJudge } from './answer-judge.js';
import { inspectHandshake, type InspectedHandshake } from './inspect-handshake.js';

export interface KeyExchangeFacts {
  /** ECDHE groups the server accepts, with their strength in bits as OpenSSL reports it. */
  groups: { name: string; bits: number }[];
  /** The DHE prime size, null when no DHE suite is accepted (or none this Node.js can offer). */
  dhBits: number | null;
  /** Null when the stapling handshake got no answer that could be read. */
  ocspStapling: boolean | null;
}

export interface KeyExchangeProbeOptions {
  host: string;
  port: number;
  servername?: string;
  timeoutMs: number;
  connect: ConnectTls;
  /** The versions the server accepted (known before suites are enumerated). */
  versions: readonly TlsVersion[];
  /** The suite enumeration, still running: probes that do not need it start at once. */
  suites: Promise<Partial<Record<TlsVersion, VersionSuites>>>;
  judge: AnswerJudge;
}

const GROUPS = ['X25519', 'P-256', 'P-384', 'P-521', 'X448'];
// The client offers what the server is known to accept; level 0 lets OpenSSL offer small DH groups.
const ANY_LEVEL = '@SECLEVEL=0';
const NEWEST_FIRST: TlsVersion[] = ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1'];

type Offer = { minVersion: TlsVersion; maxVersion: TlsVersion; ciphers: string };

/** The newest version with an accepted suite of this key exchange, offering exactly those suites. */
function offerFor(suites: Partial<Record<TlsVersion, VersionSuites>>, kx: 'ECDHE' | 'DHE'): Offer | null {
  for (const version of NEWEST_FIRST) {
    if (version === 'TLSv1.3') {
      if (kx === 'ECDHE' && suites[version])
        return { minVersion: version, maxVersion: version, ciphers: MODERN_CIPHERS };
      continue;
    }
    const names = (suites[version]?.suites ?? [])
      .filter((s) => s.kx === kx && s.openssl !== '')
      .map((s) => s.openssl);
    if (names.length > 0)
      return { minVersion: version, maxVersion: version, ciphers: `${names.join(':')}${ANY_LEVEL}` };
  }
  return null;
}

/**
 * Group-restricted handshakes (one per ECDHE group), one handshake over the DHE suites for the DH
 * size, and one asking for a stapled OCSP response (`requestOCSP`; RFC 6066 §8). With TLS 1.3 the
 * group and OCSP handshakes run while the suites are still being enumerated.
 */
export async function probeKeyExchange(options: KeyExchangeProbeOptions): Promise<KeyExchangeFacts> {
  const base: ConnectionOptions = { host: options.host, port: options.port, servername: options.servername };
  let ocspUnknown = false;
  /** One handshake; null when refused, or when unknown (then noted under `subject`). */
  const handshake = async (tls: ConnectionOptions, subject: string): Promise<InspectedHandshake | null> => {
    const answer = await options.judge.handshake(
      await inspectHandshake(options.connect, { ...base, ...tls }, options.timeoutMs),
    );
    if (answer.kind === 'unknown') {
      options.judge.note(subject, answer.why);
      if (subject === 'OCSP stapling') ocspUnknown = true;
    }
    return answer.kind === 'accepted' ? answer.value : null;
  };
  const newest = NEWEST_FIRST.find((v) => options.versions.includes(v));
  const ocsp = newest
    ? handshake(
        {
          minVersion: newest,
          maxVersion: newest,
          ciphers: `DEFAULT${ANY_LEVEL}`,
          // In ConnectionOptions at run time (TLSSocket options), missing from @types/node 20.
          ...({ requestOCSP: true } as ConnectionOptions),
        },
        'OCSP stapling',
      )
    : Promise.resolve(null);
  const groupsAt = async (offer: Offer | null) =>
    offer
      ? Promise.all(GROUPS.map((group) => handshake({ ...offer, ecdhCurve: group }, 'ECDHE groups')))
      : [];
  const groups = options.versions.includes('TLSv1.3')
    ? groupsAt({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3', ciphers: MODERN_CIPHERS })
    : options.suites.then((suites) => groupsAt(offerFor(suites, 'ECDHE')));
  const dh = options.suites.then((suites) => {
    const offer = offerFor(suites, 'DHE');
    return offer ? handshake(offer, 'DHE group size') : null;
  });
  const [groupResults, dhResult, ocspResult] = await Promise.all([groups, dh, ocsp]);
  return {
    groups: GROUPS.flatMap((name, i) => {
      const key = groupResults[i]?.ephemeral;
      return key && key.type === 'ECDH' ? [{ name, bits: key.size }] : [];
    }),
    dhBits: dhResult?.ephemeral?.type === 'DH' ? dhResult.ephemeral.size : null,
    ocspStapling: ocspResult ? ocspResult.ocspStapled : ocspUnknown ? null : false,
  };
}
