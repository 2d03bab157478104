import { allSuites, type CapInput, type CapRule } from './cap-rule.js';
import type { SuiteFacts, WeakReason } from './suite-catalog.js';

const has = (suites: readonly SuiteFacts[], reason: WeakReason) =>
  suites.some((s) => s.weakReasons.includes(reason));
const withTls11Up = (i: CapInput) =>
  (['TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const).flatMap((v) => i.suites[v]?.suites ?? []);

/** "remove RC4-SHA, ECDHE-RSA-RC4-SHA from your server's cipher list" */
const removeSuites = (reason: WeakReason) => (i: CapInput) => {
  const names = allSuites(i)
    .filter((s) => s.weakReasons.includes(reason))
    .map((s) => s.openssl || s.name);
  return `remove ${[...new Set(names)].join(', ')} from your server's cipher list`;
};

const weak = (id: string, letter: CapRule['letter'], reason: WeakReason, text: string): CapRule => ({
  id,
  letter,
  applies: (i) => has(allSuites(i), reason),
  reason: text,
  fix: removeSuites(reason),
});

/**
 * SSL Labs spares 3DES kept at the end of an order the server enforces: only legacy clients get it
 * (https://blog.qualys.com/product-tech/2016/11/16/announcing-ssl-labs-grading-changes-for-2017).
 */
function blockCipher64OnModern(i: CapInput): boolean {
  return (['TLSv1.1', 'TLSv1.2'] as const).some((version) => {
    const entry = i.suites[version];
    const at = entry?.suites.findIndex((s) => s.weakReasons.includes('64-bit block')) ?? -1;
    if (!entry || at === -1) return false;
    const onlyLast =
      entry.serverOrder === true &&
      entry.suites.slice(at).every((s) => s.weakReasons.includes('64-bit block'));
    return !onlyLast;
  });
}

function noForwardSecrecy(i: CapInput): boolean {
  const all = allSuites(i);
  const fs = all.filter((s) => s.forwardSecrecy && !s.weakReasons.includes('anonymous'));
  return all.length > 0 && (fs.length === 0 || i.negotiated?.forwardSecrecy === false);
}

/**
 * A server order that prefers a non-forward-secret suite over a forward-secret one denies forward
 * secrecy to clients capable of it (with its best protocol they still get it, or
 * kx.no-forward-secrecy applies). In client order there is no cap: every current client prefers ECDHE.
 */
function nonFsPreferred(i: CapInput): boolean {
  if (noForwardSecrecy(i)) return false;
  return Object.values(i.suites).some((entry) => {
    if (!entry || entry.serverOrder !== true) return false;
    const firstNonFs = entry.suites.findIndex((s) => !s.forwardSecrecy);
    return firstNonFs !== -1 && entry.suites.slice(firstNonFs).some((s) => s.forwardSecrecy);
  });
}

/** Cipher suite caps (docs/tls-grade.md, "Caps"). */
export const SUITE_RULES: readonly CapRule[] = [
  weak('cipher.null', 'F', 'NULL', 'suites without encryption (NULL) are accepted'),
  weak('cipher.anonymous', 'F', 'anonymous', 'anonymous suites (no server authentication) are accepted'),
  weak('cipher.export', 'F', 'EXPORT', 'EXPORT suites are accepted'),
  weak(
    'cipher.under-112',
    'F',
    'under 112 bits',
    'suites weaker than 112 bits (DES, 40/56-bit) are accepted',
  ),
  {
    ...weak('cipher.rc4-modern', 'C', 'RC4', 'RC4 is accepted with TLS 1.1 or newer'),
    applies: (i) => has(withTls11Up(i), 'RC4'),
  },
  {
    ...weak('cipher.rc4', 'B', 'RC4', 'RC4 suites are accepted'),
    applies: (i) => has(allSuites(i), 'RC4') && !has(withTls11Up(i), 'RC4'),
  },
  {
    ...weak(
      'cipher.64-bit-block',
      'C',
      '64-bit block',
      '3DES or another 64-bit block cipher is accepted with TLS 1.1 or newer, not last in the server order (SWEET32)',
    ),
    applies: blockCipher64OnModern,
  },
  {
    id: 'kx.no-forward-secrecy',
    letter: 'B',
    applies: noForwardSecrecy,
    reason: 'current clients get no forward secrecy',
    fix: 'enable ECDHE suites (ECDHE-RSA-AES128-GCM-SHA256, …) and prefer them',
  },
  {
    id: 'kx.partial-forward-secrecy',
    letter: 'A-',
    applies: nonFsPreferred,
    reason: 'the server prefers RSA key exchange suites (no forward secrecy) over forward-secret ones',
    fix: "put the ECDHE suites first in your server's cipher order, or remove the RSA key exchange suites",
  },
  {
    id: 'cipher.no-aead',
    letter: 'B',
    applies: (i) => allSuites(i).length > 0 && !allSuites(i).some((s) => s.aead),
    reason: 'no AEAD suite (GCM or ChaCha20-Poly1305) is accepted: CBC only',
    fix: 'enable TLS 1.3 or ECDHE-RSA-AES128-GCM-SHA256 and ECDHE-RSA-CHACHA20-POLY1305',
  },
];
