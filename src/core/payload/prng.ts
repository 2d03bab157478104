import { nodeCrypto as crypto } from '../node-crypto.js';

/** The one source of chance for a payload: seeded for reproducible samples, fresh otherwise. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [min, max]. */
  int: (min: number, max: number) => number;
  pick<T>(items: readonly T[]): T;
  /** A version-4 UUID (RFC 9562). */
  uuid(): string;
  /** `count` decimal digits; leading zeros are kept, as identifiers need. */
  digits(count: number): string;
}

/** mulberry32: tiny, fast and good enough to vary sample values; not for secrets. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Folds the high bits of a large seed in, so seeds that differ only above 2^32 still differ. */
function foldSeed(seed: number): number {
  const high = Math.floor(seed / 2 ** 32) >>> 0;
  return (seed >>> 0) ^ Math.imul(high, 0x9e3779b1);
}

function uuidFrom(next: () => number): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(next() * 256));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * With a seed every value, id included, follows from it (same seed, same bytes); without one the
 * values come from a random seed and ids from crypto.randomUUID, so every run is fresh.
 */
export function createRandom(seed?: number): Random {
  const next = mulberry32(seed === undefined ? crypto().randomInt(2 ** 32) : foldSeed(seed));
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => items[int(0, items.length - 1)] as T,
    uuid: seed === undefined ? () => crypto().randomUUID() : () => uuidFrom(next),
    digits: (count) => Array.from({ length: count }, () => String(int(0, 9))).join(''),
  };
}
