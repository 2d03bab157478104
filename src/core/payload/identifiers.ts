import type { Random } from './prng.js';

/** GS1 check digit (GLN, SSCC): weights 3 and 1 from the right. */
export function gs1CheckDigit(digits: string): string {
  const sum = [...digits].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return String((10 - (sum % 10)) % 10);
}

/** A 13-digit Global Location Number with a valid check digit. */
export function generateGln(rng: Random): string {
  const body = `87${rng.digits(10)}`;
  return body + gs1CheckDigit(body);
}

const ISO6346_LETTERS = 'A0BCDEFGHIJK0LMNOPQRSTU0VWXYZ';

/** ISO 6346 check digit: letters count from 10, skipping multiples of 11. */
export function iso6346CheckDigit(code: string): string {
  const sum = [...code].reduce((acc, ch, i) => {
    const value = /\d/.test(ch) ? Number(ch) : ISO6346_LETTERS.indexOf(ch) + 10;
    return acc + value * 2 ** i;
  }, 0);
  return String((sum % 11) % 10);
}

/** A container number such as MSCU1234565 (owner code, category U, serial, check digit). */
export function generateContainerNumber(rng: Random): string {
  const body = `${rng.pick(['MSCU', 'TCLU', 'HLXU', 'CMAU'])}${rng.digits(6)}`;
  return body + iso6346CheckDigit(body);
}

/** Positions are strings with leading zeros, as in the Tradecloud examples (`0001`). */
export function toPosition(n: number): string {
  return String(n).padStart(4, '0');
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** A 7-digit IMO ship number: the last digit checks the first six, weighted 7 down to 2. */
export function generateImoNumber(rng: Random): string {
  const body = `9${rng.digits(5)}`;
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (7 - i), 0);
  return body + String(sum % 10);
}
