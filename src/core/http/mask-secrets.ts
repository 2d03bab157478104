import { CliError } from '../../errors.js';
import { base64Forms, encodedFormsPattern, longestEncoding } from './secret-pattern.js';

/**
 * Secrets (passwords, tokens, client secrets, proxy passwords, the Basic credential `user:password`
 * and any access token fetched) must never reach any output, not even as a server echoes them back
 * in another encoding. One masker per run: the CLI applies it to everything written to stdout and
 * stderr, to report files and saved file names; commands add what they learn at run time.
 */
export interface SecretMasker {
  /** Adds secrets, such as the credentials once resolved or an OAuth access token learnt at run time. */
  add(...secrets: Array<string | undefined>): void;
  /** Replaces every occurrence of a known secret, in any of its encoded forms, with `***`. */
  mask: (text: string) => string;
  /**
   * A header value as it may be shown: credential headers keep only their scheme, cookies are
   * hidden, and a value holding a short secret in any form (base64 at any alignment included) is
   * replaced whole (see {@link SHORT_SECRET_BELOW}).
   */
  maskHeader(name: string, value: string): string;
  /** Longest text a secret can be encoded as: a caller truncating text masks this much extra first. */
  readonly longest: number;
}

/**
 * Inside base64 a secret's encoding depends on the bytes before it (three alignments) and a short
 * one's is a few characters that ordinary text contains too: secrets shorter than this are found in
 * base64 only within a header value, which is then masked whole (the CLI warns once about them).
 */
export const SHORT_SECRET_BELOW = 8;

/**
 * A secret this short also occurs inside ordinary words ("y" in "always"); it is masked only where
 * it stands alone, as it would in an echoed header or form, so the report stays readable.
 */
const WHOLE_WORD_BELOW = 6;

/** Headers whose value is a credential: the scheme stays readable, the rest is masked. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization']);
const HIDDEN_HEADERS = new Set(['cookie', 'set-cookie']);

const PADDING = `(?:=|%3[dD]|\\\\u003[dD]|&#0*61;|&#[xX]0*3[dD];)*`;

interface Compiled {
  regex: RegExp | undefined;
  /** Base64 forms of short secrets: found only in header values. */
  shortForms: RegExp | undefined;
  longest: number;
}

const charCount = (text: string) => [...text].length;

function compile(secrets: Set<string>): Compiled {
  const patterns: Array<{ source: string; length: number }> = [];
  const short: string[] = [];
  let longest = 0;
  for (const secret of secrets) {
    const length = charCount(secret);
    patterns.push({
      source: encodedFormsPattern(secret, { standalone: length < WHOLE_WORD_BELOW }),
      length,
    });
    longest = Math.max(longest, longestEncoding(secret));
    if (length < SHORT_SECRET_BELOW) {
      // A short secret's whole encoding, standing alone (an echoed credential), is still masked.
      for (const encoding of new Set([
        Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''),
        Buffer.from(secret, 'utf8').toString('base64url'),
      ])) {
        if (encoding.length < 4) continue;
        patterns.push({
          source: `(?<![A-Za-z0-9+/_-])${encodedFormsPattern(encoding, { standalone: false })}${PADDING}(?![A-Za-z0-9+/_=-])`,
          length: encoding.length,
        });
      }
    }
    for (const form of base64Forms(secret)) {
      const source = `${encodedFormsPattern(form.core, { standalone: false })}(?:${encodedFormsPattern(form.tail, { standalone: false })}${PADDING})?`;
      if (length >= SHORT_SECRET_BELOW) patterns.push({ source, length: form.core.length });
      else if (form.core.length >= 3) short.push(source);
      longest = Math.max(longest, longestEncoding(form.core + form.tail));
    }
  }
  // Longest first, so a secret that contains another is replaced whole.
  patterns.sort((a, b) => b.length - a.length);
  return {
    regex: patterns.length === 0 ? undefined : new RegExp(patterns.map((p) => p.source).join('|'), 'gu'),
    shortForms: short.length === 0 ? undefined : new RegExp(short.join('|'), 'u'),
    longest,
  };
}

export interface SecretMaskerOptions {
  /**
   * Told of each secret learnt at run time, before it is masked and before anything can print it
   * (on GitHub Actions the CLI announces it with `::add-mask::`).
   */
  onAdd?: (fresh: readonly string[]) => void;
}

/** Built once from the secret set; rebuilt only when a new secret (an access token) is learnt. */
export function createSecretMasker(
  secrets: Array<string | undefined> = [],
  options: SecretMaskerOptions = {},
): SecretMasker {
  const known = new Set<string>();
  for (const secret of secrets) if (secret) known.add(secret);
  let compiled = compile(known);
  const mask = (text: string) => (compiled.regex ? text.replace(compiled.regex, '***') : text);
  return {
    add(...secrets) {
      const fresh = secrets.filter((s): s is string => !!s && !known.has(s));
      if (fresh.length === 0) return;
      options.onAdd?.(fresh);
      for (const secret of fresh) known.add(secret);
      compiled = compile(known);
    },
    get longest() {
      return compiled.longest;
    },
    mask,
    maskHeader(name, value) {
      const lower = name.toLowerCase();
      if (HIDDEN_HEADERS.has(lower)) return '***';
      if (CREDENTIAL_HEADERS.has(lower)) {
        const scheme = /^(\S+)\s+\S/.exec(value.trim());
        return scheme ? `${scheme[1]} ***` : '***';
      }
      if (compiled.shortForms?.test(value)) return '***';
      return mask(value);
    },
  };
}

/**
 * Runs `work` with the run's masker (or a fresh one) that it fills as secrets become known; an
 * error that escapes is masked with it too, so not even the one line on stderr can carry a secret.
 */
export async function withSecretMasker<T>(
  work: (masker: SecretMasker) => Promise<T>,
  shared?: SecretMasker,
): Promise<T> {
  const masker = shared ?? createSecretMasker();
  try {
    return await work(masker);
  } catch (error) {
    throw maskError(error, masker);
  }
}

/** Error messages pass through the masker too: a secret never reaches stderr. */
export function maskError(error: unknown, masker: SecretMasker): unknown {
  if (error instanceof CliError) {
    const Kind = error.constructor as new (
      message: string,
      hint?: string,
      options?: { code: CliError['code'] },
    ) => CliError;
    return new Kind(
      masker.mask(error.message),
      error.hint === undefined ? undefined : masker.mask(error.hint),
      { code: error.code },
    );
  }
  if (error instanceof Error) return new Error(masker.mask(error.message));
  return error;
}
