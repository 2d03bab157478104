import { join } from 'node:path';
import { PRECOMPILED_FOLDER as PRECOMPILED, readShippedFile, shippedPath } from '../files/shipped-files.js';
import { CACHES_ENABLED, codeCacheFile, type SchemaCache } from './schema-cache.js';

/**
 * The bundled specs, parsed and compiled when the package is built (dist/src/schemas/precompiled/),
 * so that no run, the first one included, pays for the YAML parse or the ajv compile. The entries
 * are named by the same content-hash keys as the schema cache: the spec key hashes the YAML text,
 * a validator key hashes the exact schema it was compiled from. An edited YAML, another ajv or a
 * new release therefore simply finds nothing here and takes the usual path.
 */
export function precompiledSchemaDir(): string {
  return shippedPath(PRECOMPILED);
}

/**
 * Read-only: the folder belongs to the installation, trusted like the code next to it, so unlike
 * the temp-dir cache it needs no ownership check. A missing folder or entry is just a miss.
 */
export function openPrecompiledSchemas(dir?: string): SchemaCache {
  const readEntry = (name: string) =>
    dir === undefined
      ? readShippedFile(`${PRECOMPILED}${name}`)
      : import('node:fs/promises').then(({ readFile }) => readFile(join(dir, name))).catch(() => undefined);
  return {
    read: async (key, extension) => (await readEntry(`${key}.${extension}`))?.toString('utf8'),
    write: () => Promise.resolve(),
    readCodeCache: async (key) => readEntry(codeCacheFile(key)),
  };
}

/** Entries only the package build writes and only its folder keeps (see create-body-validator.ts). */
export const NOTE_EXTENSION = 'note.json';

/** Finds nothing, keeps nothing. */
const NO_CACHE: SchemaCache = {
  read: () => Promise.resolve(undefined),
  write: () => Promise.resolve(),
};

/** The precompiled entries first; what is missing there is read from and written to `cache`. */
export function withPrecompiledSchemas(
  cache: SchemaCache | undefined,
  precompiled: SchemaCache = openPrecompiledSchemas(),
): SchemaCache {
  // A compile without a build id cannot tell whether the package's entries match its code.
  if (!CACHES_ENABLED) return cache ?? NO_CACHE;
  return {
    read: async (key, extension) =>
      (await precompiled.read(key, extension)) ??
      (extension === NOTE_EXTENSION ? undefined : await cache?.read(key, extension)),
    write: async (key, extension, text) =>
      extension === NOTE_EXTENSION ? undefined : cache?.write(key, extension, text),
    // The package's code caches are for the Node.js version that built it; another version's are
    // made on its first run and kept with the user's cache.
    readCodeCache: async (key) =>
      (await precompiled.readCodeCache?.(key)) ?? (await cache?.readCodeCache?.(key)),
    // Only where it can be kept: making a code cache nobody keeps would cost a few milliseconds.
    ...(cache?.writeCodeCache ? { writeCodeCache: cache.writeCodeCache } : {}),
  };
}
