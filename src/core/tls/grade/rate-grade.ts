import type { CertificateFacts } from '../certificate-facts.js';
import { TLS_VERSIONS } from '../probe-types.js';
import { findCaps } from './grade-caps.js';
import {
  cipherStrengthScore,
  keyExchangeScore,
  letterForScore,
  protocolScore,
  totalScore,
} from './grade-scores.js';
import {
  GRADE_ORDER,
  type GradeLetter,
  type GradeSuite,
  type OrderedLetter,
  type ProbedServer,
  type TlsGrade,
} from './grade-types.js';
import type { KeyExchangeFacts } from './probe-key-exchange.js';
import { findSuite } from './suite-catalog.js';

export interface RateGradeInput extends ProbedServer {
  /** IANA name of the suite Node's default offer negotiated at the best version. */
  negotiatedCipher: string | null;
  keyExchange: KeyExchangeFacts;
  certificate: CertificateFacts | null;
  sctCount: number;
  minimum?: OrderedLetter;
  /** SSL 3.0 accepted; null when that is unknown (then counted as not accepted, and in `unknown`). */
  ssl3Answer?: boolean | null;
  /** What the probes could not find out (empty: the grade is complete). */
  unknown?: readonly string[];
}

const rank = (letter: OrderedLetter) => GRADE_ORDER.indexOf(letter);
const worse = (a: OrderedLetter, b: OrderedLetter) => (rank(a) >= rank(b) ? a : b);

/**
 * Probe facts → SSL Labs-style grade: category scores, a letter from the total, then every cap
 * (docs/tls-grade.md). A+ is an A with no cap at all (HSTS present for six months or more).
 */
export function rateGrade(input: RateGradeInput): TlsGrade {
  const accepted = TLS_VERSIONS.filter((v) => input.protocols[v]);
  const all = Object.values(input.suites).flatMap((v) => v?.suites ?? []);
  const protocol = protocolScore(accepted, input.ssl3);
  const keyExchange = keyExchangeScore({
    keyType: input.certificate?.keyType ?? null,
    keyBits: input.certificate?.keyBits ?? null,
    dhBits: input.keyExchange.dhBits,
    groupBits: input.keyExchange.groups.map((g) => g.bits),
    suites: all,
  });
  const cipherStrength = cipherStrengthScore(all);
  const total = totalScore(protocol, keyExchange, cipherStrength);
  const { protocols, unknownProtocols, ssl3, suites, checks, hsts } = input;
  const keyExchangeObserved =
    input.certificate?.keyBits != null ||
    input.keyExchange.dhBits !== null ||
    input.keyExchange.groups.length > 0 ||
    all.some((s) => s.weakReasons.includes('EXPORT') || s.weakReasons.includes('anonymous'));
  const caps = findCaps({
    protocols,
    unknownProtocols,
    keyExchangeObserved,
    ssl3,
    suites,
    checks,
    hsts,
    negotiated: input.negotiatedCipher ? (findSuite(input.negotiatedCipher) ?? null) : null,
    keyExchangeScore: keyExchange,
    signatureAlgorithm: input.certificate?.signatureAlgorithm ?? null,
  });

  let ignoringTrust: OrderedLetter = letterForScore(total);
  for (const c of caps)
    if (c.letter !== 'T' && c.letter !== 'M') ignoringTrust = worse(ignoringTrust, c.letter);
  if (ignoringTrust === 'A' && caps.length === 0) ignoringTrust = 'A+';
  const letter: GradeLetter = caps.some((c) => c.letter === 'T')
    ? 'T'
    : caps.some((c) => c.letter === 'M')
      ? 'M'
      : ignoringTrust;

  const grade: TlsGrade = {
    letter,
    letterIgnoringTrust: ignoringTrust,
    scores: { protocol, keyExchange, cipherStrength, total },
    ssl3: input.ssl3Answer === undefined ? input.ssl3 : input.ssl3Answer,
    caps,
    suites: Object.fromEntries(
      TLS_VERSIONS.filter((v) => input.suites[v]).map((v) => [v, input.suites[v]!.suites.map(toGradeSuite)]),
    ),
    serverOrder: Object.fromEntries(
      TLS_VERSIONS.filter((v) => input.suites[v]).map((v) => [v, input.suites[v]!.serverOrder]),
    ),
    keyExchange: { groups: input.keyExchange.groups, dhBits: input.keyExchange.dhBits },
    ocspStapling: input.keyExchange.ocspStapling,
    hsts: input.hsts,
    sct: { present: input.sctCount > 0, count: input.sctCount },
    complete: (input.unknown ?? []).length === 0,
    unknown: [...(input.unknown ?? [])],
  };
  if (input.minimum) {
    grade.minimum = { letter: input.minimum, met: grade.complete && meetsMinimum(letter, input.minimum) };
  }
  return grade;
}

/** T and M fail every minimum. */
export function meetsMinimum(letter: GradeLetter, minimum: OrderedLetter): boolean {
  if (letter === 'T' || letter === 'M') return false;
  return rank(letter) <= rank(minimum);
}

function toGradeSuite(s: {
  name: string;
  openssl: string;
  kx: GradeSuite['kx'];
  bits: number;
  forwardSecrecy: boolean;
  aead: boolean;
  cbc: boolean;
  weakReasons: string[];
}): GradeSuite {
  return {
    name: s.name,
    openssl: s.openssl,
    kx: s.kx,
    bits: s.bits,
    forwardSecrecy: s.forwardSecrecy,
    aead: s.aead,
    cbc: s.cbc,
    weak: s.weakReasons.length > 0,
    weakReasons: [...s.weakReasons],
  };
}
