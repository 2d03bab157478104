import { CliError } from '../../errors.js';

/**
 * Secrets (passwords, tokens, client secrets, the Basic credential and any access token fetched)
 * must never reach stdout or stderr. Everything the command reports passes through one masker.
 */
export interface SecretMasker {
  /** Adds a secret learnt at run time, such as an OAuth access token. */
  add(secret: string | undefined): void;
  /** Replaces every occurrence of a known secret with `***`. */
  mask(text: string): string;
  /** Length of the longest secret: a caller truncating text masks this much extra first. */
  readonly longest: number;
}

/**
 * A secret this short also occurs inside ordinary words ("y" in "always"); it is masked only where
 * it stands alone, as it would in an echoed header or form, so the report stays readable.
 */
const WHOLE_WORD_BELOW = 6;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function createSecretMasker(secrets: Array<string | undefined> = []): SecretMasker {
  const known = new Set<string>();
  let longest = 0;
  const add = (secret: string | undefined) => {
    if (!secret || known.has(secret)) return;
    known.add(secret);
    // Also the encodings a secret travels in, so an echoing endpoint cannot leak it either.
    for (const variant of [encodeURIComponent(secret), Buffer.from(secret).toString('base64')]) {
      if (variant.length >= 4) known.add(variant);
    }
    longest = Math.max(longest, ...[...known].map((s) => s.length));
  };
  for (const secret of secrets) add(secret);
  return {
    add,
    get longest() {
      return longest;
    },
    mask(text) {
      if (known.size === 0) return text;
      // Longest first, so a secret that contains another is replaced whole.
      let out = text;
      for (const secret of [...known].sort((a, b) => b.length - a.length)) {
        if (!out.includes(secret)) continue;
        out =
          secret.length >= WHOLE_WORD_BELOW
            ? out.split(secret).join('***')
            : out.replace(
                new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(secret)}(?![\\p{L}\\p{N}])`, 'gu'),
                '***',
              );
      }
      return out;
    },
  };
}

/** Error messages pass through the masker too: a secret never reaches stderr. */
export function maskError(error: unknown, masker: SecretMasker): unknown {
  if (error instanceof CliError) {
    const Kind = error.constructor as new (message: string, hint?: string) => CliError;
    return new Kind(
      masker.mask(error.message),
      error.hint === undefined ? undefined : masker.mask(error.hint),
    );
  }
  if (error instanceof Error) return new Error(masker.mask(error.message));
  return error;
}
