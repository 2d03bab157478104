import { createRequire } from 'node:module';
import type * as FastestLevenshtein from 'fastest-levenshtein';

const require = createRequire(import.meta.url);

/**
 * fastest-levenshtein, loaded on first use: only a name that matches nothing needs a "did you mean",
 * and a run without one should not pay for loading (and, imported, translating) a CommonJS package.
 */
export function levenshtein(): typeof FastestLevenshtein {
  return require('fastest-levenshtein') as typeof FastestLevenshtein;
}
