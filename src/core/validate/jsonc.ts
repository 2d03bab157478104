import { createRequire } from 'node:module';
import type * as JsoncParser from 'jsonc-parser';

const require = createRequire(import.meta.url);

/**
 * jsonc-parser, loaded on first use: only a file with a syntax error or a finding to point at
 * needs it, and a run of valid payloads should not pay for loading it.
 */
export function jsonc(): typeof JsoncParser {
  return require('jsonc-parser') as typeof JsoncParser;
}
