import type { TlsVersion } from '../probe-types.js';
import type { OrderedLetter } from './grade-types.js';
import type { SuiteFacts } from './suite-catalog.js';

/** Category scores of the SSL Labs rating guide (docs/tls-grade.md, "Scores"). */
const PROTOCOL_SCORE: Record<TlsVersion, number> = {
  TLSv1: 90,
  'TLSv1.1': 95,
  'TLSv1.2': 100,
  'TLSv1.3': 100,
};

export function protocolScore(accepted: readonly TlsVersion[], ssl3 = false): number {
  if (accepted.length === 0) return 0;
  const scores = [...accepted.map((v) => PROTOCOL_SCORE[v]), ...(ssl3 ? [80] : [])];
  return (Math.max(...scores) + Math.min(...scores)) / 2;
}

/** RSA and finite-field DH sizes. */
export function modulusScore(bits: number): number {
  if (bits < 512) return 20;
  if (bits < 1024) return 40;
  if (bits < 2048) return 80;
  if (bits < 4096) return 90;
  return 100;
}

/** Elliptic-curve sizes, at their RSA-equivalent strength (as testssl.sh maps them). */
export function curveScore(bits: number): number {
  if (bits < 110) return 20;
  if (bits < 123) return 40;
  if (bits < 163) return 80;
  if (bits < 225) return 90;
  return 100;
}

export interface KeyExchangeScoreInput {
  keyType: string | null;
  keyBits: number | null;
  dhBits: number | null;
  groupBits: readonly number[];
  suites: readonly SuiteFacts[];
}

/** The weakest of: the certificate key, the DHE prime, the smallest ECDHE group; anonymous → 0, EXPORT → 40. */
export function keyExchangeScore(input: KeyExchangeScoreInput): number {
  const scores: number[] = [];
  if (input.keyBits !== null) {
    const ec = input.keyType === 'EC' || input.keyType === 'Ed25519' || input.keyType === 'Ed448';
    scores.push(ec ? curveScore(input.keyBits) : modulusScore(input.keyBits));
  }
  if (input.dhBits !== null) scores.push(modulusScore(input.dhBits));
  if (input.groupBits.length > 0) scores.push(curveScore(Math.min(...input.groupBits)));
  if (input.suites.some((s) => s.weakReasons.includes('EXPORT'))) scores.push(40);
  if (input.suites.some((s) => s.weakReasons.includes('anonymous'))) scores.push(0);
  return scores.length > 0 ? Math.min(...scores) : 0;
}

function strengthScore(bits: number): number {
  if (bits === 0) return 0;
  if (bits < 128) return 20;
  if (bits < 256) return 80;
  return 100;
}

export function cipherStrengthScore(suites: readonly SuiteFacts[]): number {
  if (suites.length === 0) return 0;
  const bits = suites.map((s) => s.bits);
  return (strengthScore(Math.max(...bits)) + strengthScore(Math.min(...bits))) / 2;
}

/** 30% protocol, 30% key exchange, 40% cipher strength; a zero in any category makes the total zero. */
export function totalScore(protocol: number, keyExchange: number, cipherStrength: number): number {
  if (protocol === 0 || keyExchange === 0 || cipherStrength === 0) return 0;
  return Math.round(protocol * 0.3 + keyExchange * 0.3 + cipherStrength * 0.4);
}

export function letterForScore(total: number): OrderedLetter {
  if (total >= 80) return 'A';
  if (total >= 65) return 'B';
  if (total >= 50) return 'C';
  if (total >= 35) return 'D';
  if (total >= 20) return 'E';
  return 'F';
}
