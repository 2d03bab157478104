import { SUITE_LIST } from './suite-list.js';

/** How the session key is agreed: TLS 1.3's (EC)DHE is reported as `ECDHE` or `DHE` by its group. */
export type KeyExchange = 'ECDHE' | 'DHE' | 'RSA' | 'DH_anon' | 'ECDH_anon' | 'TLS13';

/** Why a suite is weak or broken (docs/tls-grade.md lists what each one does to the grade). */
export type WeakReason = 'NULL' | 'anonymous' | 'EXPORT' | 'RC4' | '64-bit block' | 'under 112 bits' | 'MD5';

export interface SuiteFacts {
  id: number;
  /** The IANA name, as Node's `getCipher().standardName` reports it. */
  name: string;
  /** OpenSSL's name ('' when OpenSSL has none). */
  openssl: string;
  tls13: boolean;
  kx: KeyExchange;
  /** Effective symmetric strength in bits (3DES counts as 112, as SSL Labs counts it). */
  bits: number;
  forwardSecrecy: boolean;
  aead: boolean;
  cbc: boolean;
  weakReasons: WeakReason[];
}

const KX: Record<string, KeyExchange> = {
  RSA: 'RSA',
  RSA_EXPORT: 'RSA',
  RSA_EXPORT1024: 'RSA',
  ECDHE_RSA: 'ECDHE',
  ECDHE_ECDSA: 'ECDHE',
  DHE_RSA: 'DHE',
  DHE_RSA_EXPORT: 'DHE',
  DH_anon: 'DH_anon',
  DH_anon_EXPORT: 'DH_anon',
  ECDH_anon: 'ECDH_anon',
};

function bitsOf(cipher: string): number {
  if (cipher.startsWith('NULL')) return 0;
  if (cipher.startsWith('3DES')) return 112;
  if (cipher.startsWith('DES40') || /_40_|_40$|RC2_CBC_40/.test(cipher)) return 40;
  if (cipher.startsWith('DES_CBC') || /_56_/.test(cipher)) return 56;
  if (cipher.startsWith('CHACHA20')) return 256;
  const size = /^(?:AES|CAMELLIA|ARIA|RC4)_(\d+)/.exec(cipher)?.[1];
  if (size) return Number(size);
  return 128; // SEED, IDEA
}

/** Derives the facts of a suite from its IANA name: TLS_<kx>_WITH_<cipher>_<mac>, or TLS 1.3's TLS_<aead>. */
export function describeSuite(id: number, name: string, openssl: string): SuiteFacts {
  const parts = /^TLS_(.+?)_WITH_(.+)$/.exec(name);
  const tls13 = !parts;
  const kxPart = parts?.[1] ?? '';
  const cipher = parts?.[2] ?? name.slice('TLS_'.length);
  const kx = tls13 ? 'TLS13' : (KX[kxPart] ?? 'RSA');
  const bits = bitsOf(cipher);
  const aead = /GCM|CCM|POLY1305/.test(cipher);
  const rc4 = cipher.startsWith('RC4');
  const weakReasons: WeakReason[] = [];
  if (bits === 0) weakReasons.push('NULL');
  if (kx === 'DH_anon' || kx === 'ECDH_anon') weakReasons.push('anonymous');
  if (kxPart.includes('EXPORT')) weakReasons.push('EXPORT');
  if (rc4) weakReasons.push('RC4');
  if (/^(3DES|DES|IDEA|RC2)/.test(cipher)) weakReasons.push('64-bit block');
  if (bits > 0 && bits < 112) weakReasons.push('under 112 bits');
  if (cipher.endsWith('_MD5')) weakReasons.push('MD5');
  return {
    id,
    name,
    openssl,
    tls13,
    kx,
    bits,
    forwardSecrecy: tls13 || kx === 'ECDHE' || kx === 'DHE',
    aead,
    cbc: !aead && !rc4 && bits > 0,
    weakReasons,
  };
}

export const SUITES: readonly SuiteFacts[] = SUITE_LIST.map(([id, name, openssl]) =>
  describeSuite(id, name, openssl),
);
export const TLS13_SUITES = SUITES.filter((s) => s.tls13);
export const LEGACY_SUITES = SUITES.filter((s) => !s.tls13);

const BY_NAME = new Map(SUITES.map((s) => [s.name, s]));
const BY_ID = new Map(SUITES.map((s) => [s.id, s]));

/** By IANA name (Node's standardName) or OpenSSL name. */
export function findSuite(name: string): SuiteFacts | undefined {
  return BY_NAME.get(name) ?? SUITES.find((s) => s.openssl === name);
}

export function suiteById(id: number): SuiteFacts | undefined {
  return BY_ID.get(id);
}
