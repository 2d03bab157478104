import { CliError } from '../../errors.js';
import { encodedFormsPattern, longestEncoding, secretTexts } from './secret-pattern.js';

/**
 * Secrets (passwords, tokens, client secrets, the Basic credential and any access token fetched)
 * must never reach stdout or stderr, not even as a server echoes them back in another encoding.
 * Everything the command reports passes through one masker.
 */
export interface SecretMasker {
  /** Adds secrets, such as the credentials once resolved or an OAuth access token learnt at run time. */
  add(...secrets: Array<string | undefined>): void;
  /** Replaces every occurrence of a known secret, in any of its encoded forms, with `***`. */
  mask: (text: string) => string;
  /** Longest text a secret can be encoded as: a caller truncating text masks this much extra first. */
  readonly longest: number;
}

/**
 * A secret this short also occurs inside ordinary words ("y" in "always"); it is masked only where
 * it stands alone, as it would in an echoed header or form, so the report stays readable.
 */
const WHOLE_WORD_BELOW = 6;

interface Compiled {
  regex: RegExp | undefined;
  longest: number;
}

function compile(secrets: Set<string>): Compiled {
  const patterns: Array<{ source: string; length: number }> = [];
  let longest = 0;
  for (const secret of secrets) {
    secretTexts(secret).forEach((text, i) => {
      const standalone = text.length < WHOLE_WORD_BELOW;
      patterns.push({
        source: encodedFormsPattern(text, { standalone, padded: i > 0 }),
        length: text.length,
      });
      longest = Math.max(longest, longestEncoding(text));
    });
  }
  if (patterns.length === 0) return { regex: undefined, longest };
  // Longest first, so a secret that contains another is replaced whole.
  patterns.sort((a, b) => b.length - a.length);
  return { regex: new RegExp(patterns.map((p) => p.source).join('|'), 'gu'), longest };
}

/** Built once from the secret set; rebuilt only when a new secret (an access token) is learnt. */
export function createSecretMasker(secrets: Array<string | undefined> = []): SecretMasker {
  const known = new Set<string>();
  for (const secret of secrets) if (secret) known.add(secret);
  let compiled = compile(known);
  return {
    add(...secrets) {
      const fresh = secrets.filter((s): s is string => !!s && !known.has(s));
      if (fresh.length === 0) return;
      for (const secret of fresh) known.add(secret);
      compiled = compile(known);
    },
    get longest() {
      return compiled.longest;
    },
    mask(text) {
      return compiled.regex ? text.replace(compiled.regex, '***') : text;
    },
  };
}

/**
 * Runs `work` with a fresh masker that it fills as secrets become known; an error that escapes is
 * masked with it too, so not even the one line on stderr can carry a secret.
 */
export async function withSecretMasker<T>(work: (masker: SecretMasker) => Promise<T>): Promise<T> {
  const masker = createSecretMasker();
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
