import { applyRules, type CapInput, type CapRule } from './cap-rule.js';
import { CERTIFICATE_RULES } from './caps-certificate.js';
import { SUITE_RULES } from './caps-suites.js';
import type { GradeCap } from './grade-types.js';

export type { CapInput } from './cap-rule.js';

/** Six months, SSL Labs' minimum HSTS max-age for A+. */
export const HSTS_MIN_SECONDS = 15_768_000;

const KEY_FIX =
  'use an RSA key of 2048 bits or more, or ECDSA, and DH groups of 2048 bits or more (or ECDHE only)';

const KEY_EXCHANGE_RULES: readonly CapRule[] = [
  {
    id: 'kx.insecure',
    letter: 'F',
    applies: (i) => i.keyExchangeObserved && i.keyExchangeScore <= 40,
    reason: 'a key or DH group under 1024 bits is used',
    fix: KEY_FIX,
  },
  {
    id: 'kx.weak',
    letter: 'B',
    applies: (i) => i.keyExchangeObserved && i.keyExchangeScore > 40 && i.keyExchangeScore <= 80,
    reason: 'a key or DH group under 2048 bits is used',
    fix: KEY_FIX,
  },
];

const anyAccepted = (i: CapInput) => Object.values(i.protocols).some(Boolean) || i.ssl3;

const PROTOCOL_RULES: readonly CapRule[] = [
  {
    id: 'protocol.none',
    letter: 'F',
    applies: (i) => !anyAccepted(i) && i.unknownProtocols.length === 0,
    reason: 'no handshake succeeded with any version from TLS 1.0 to 1.3 (the server refused every offer)',
    fix: 'enable TLS 1.2 and TLS 1.3 with current ciphers in your server',
  },
  {
    id: 'protocol.no-tls12',
    letter: 'C',
    applies: (i) =>
      anyAccepted(i) &&
      !i.protocols['TLSv1.2'] &&
      !i.protocols['TLSv1.3'] &&
      !i.unknownProtocols.includes('TLSv1.2') &&
      !i.unknownProtocols.includes('TLSv1.3'),
    reason: 'neither TLS 1.2 nor TLS 1.3 is accepted',
    fix: 'enable TLS 1.2 and TLS 1.3 in your server',
  },
  {
    id: 'protocol.ssl3',
    letter: 'C',
    applies: (i) => i.ssl3,
    reason: 'SSL 3.0 is accepted (POODLE)',
    fix: "disable SSL 3.0 in your server's protocol list",
  },
  {
    id: 'protocol.legacy',
    letter: 'B',
    applies: (i) => i.protocols.TLSv1 || i.protocols['TLSv1.1'],
    reason: 'TLS 1.0 and 1.1 are accepted',
    fix: "disable them in your server's protocol list (TLS 1.2 and 1.3 only)",
  },
];

const HSTS_FIX = 'send Strict-Transport-Security: max-age=31536000';

/** Not a penalty: A+ needs HSTS for at least six months, so without it the best letter is A. */
const HSTS_RULES: readonly CapRule[] = [
  {
    id: 'hsts.unknown',
    letter: 'A',
    applies: (i) => i.hsts === null,
    reason: 'HSTS could not be read (A+ needs it)',
    fix: 'fix the certificate findings so that the policy can be fetched',
  },
  {
    id: 'hsts.missing',
    letter: 'A',
    applies: (i) => i.hsts?.present === false,
    reason: 'no Strict-Transport-Security header (A+ needs it)',
    fix: HSTS_FIX,
  },
  {
    id: 'hsts.short',
    letter: 'A',
    applies: (i) => i.hsts?.present === true && (i.hsts.maxAge ?? 0) < HSTS_MIN_SECONDS,
    reason: 'HSTS max-age is under six months (A+ needs at least 15768000 seconds)',
    fix: HSTS_FIX,
  },
];

const RULES: readonly CapRule[] = [
  ...CERTIFICATE_RULES,
  ...KEY_EXCHANGE_RULES,
  ...PROTOCOL_RULES,
  ...SUITE_RULES,
  ...HSTS_RULES,
];

/** Every rule of docs/tls-grade.md ("Caps") that applies, each with its reason and fix. */
export function findCaps(input: CapInput): GradeCap[] {
  return applyRules(RULES, input);
}
