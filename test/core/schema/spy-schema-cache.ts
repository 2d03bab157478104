import type { SchemaCache } from '../../../src/core/schema/schema-cache.js';

export interface SchemaCacheSpy {
  cache: SchemaCache;
  hits: string[];
  misses: string[];
  /** A write means the entry was computed: a YAML parse or an ajv compile. */
  writes: string[];
  /** Validators whose V8 code cache was found for this Node.js version. */
  codeCaches: string[];
}

/** Records what goes through a schema cache. */
export function spySchemaCache(inner: SchemaCache): SchemaCacheSpy {
  const spy: SchemaCacheSpy = {
    hits: [],
    misses: [],
    writes: [],
    codeCaches: [],
    cache: {
      read: async (key, extension) => {
        const text = await inner.read(key, extension);
        (text === undefined ? spy.misses : spy.hits).push(`${key}.${extension}`);
        return text;
      },
      write: async (key, extension, text) => {
        spy.writes.push(`${key}.${extension}`);
        await inner.write(key, extension, text);
      },
      readCodeCache: async (key) => {
        const data = await inner.readCodeCache?.(key);
        if (data) spy.codeCaches.push(key);
        return data;
      },
    },
  };
  return spy;
}
