import { createRequire } from 'node:module';
import type * as Crypto from 'node:crypto';

const require = createRequire(import.meta.url);

/**
 * node:crypto, loaded on first use. Loading it is a noticeable part of a start (about ten
 * milliseconds), and the commands measured by their start-up (a seeded `sample`, a `validate` of
 * valid payloads against the bundled specs) never need it.
 */
export function nodeCrypto(): typeof Crypto {
  return require('node:crypto') as typeof Crypto;
}
