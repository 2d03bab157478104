import { PRECOMPILED_FOLDER, readShippedFileSync } from '../files/shipped-files.js';

/** The file in the precompiled folder where the package build lists them (precompile-bundled-schemas.ts). */
export const KNOWN_CACHE_KEYS_FILE = 'keys.json';

/**
 * The cache keys a run of the bundled specs asks for, each listed by the package build under its
 * exact input (schema-cache.ts's cacheKey). Such a run then hashes nothing, so node:crypto, about
 * ten milliseconds of every start, is never loaded. The match is exact, so the list cannot be
 * stale: an input it does not hold (a --spec, an edited YAML, another build) is hashed as usual.
 */
let known: Map<string, string> | undefined;

export function knownCacheKey(input: string): string | undefined {
  known ??= readKnownKeys();
  return known.get(input);
}

function readKnownKeys(): Map<string, string> {
  try {
    const entries = JSON.parse(
      readShippedFileSync(`${PRECOMPILED_FOLDER}${KNOWN_CACHE_KEYS_FILE}`)?.toString('utf8') ?? '[]',
    ) as unknown;
    if (!Array.isArray(entries)) return new Map();
    return new Map(
      entries.filter(
        (e): e is [string, string] =>
          Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string',
      ),
    );
  } catch {
    return new Map();
  }
}

let recording: Map<string, string> | undefined;

/** Called with every key that is hashed: kept while recordCacheKeys runs. */
export function noteHashedKey(input: string, key: string): void {
  recording?.set(input, key);
}

/** The package build's side: every key hashed while `run` runs, by input. */
export async function recordCacheKeys(run: () => Promise<void>): Promise<[string, string][]> {
  recording = new Map();
  try {
    await run();
    return [...recording];
  } finally {
    recording = undefined;
  }
}
