/**
 * Build step (`npm run build`, after tsc): parses the bundled specs and compiles every validator
 * variant `validate` can need into dist/src/schemas/precompiled/, with the same functions and
 * under the same keys as the run-time schema cache. It then checks that a run would find every
 * entry there, and fails the build otherwise.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCompiledCode } from '../core/schema/compile-schema.js';
import type { BodyKind } from '../core/schema/body-schema-types.js';
import { createBodyValidator, precompileBodyValidator } from '../core/schema/create-body-validator.js';
import { KNOWN_CACHE_KEYS_FILE, recordCacheKeys } from '../core/schema/known-cache-keys.js';
import { bundledSchemaPath, loadSpec } from '../core/schema/load-body-schema.js';
import { openPrecompiledSchemas, precompiledSchemaDir } from '../core/schema/precompiled-schemas.js';
import { codeCacheFile, type SchemaCache } from '../core/schema/schema-cache.js';

const KINDS: BodyKind[] = ['order', 'shipment'];
const POLICIES = [{ strict: false }, { strict: true }];

/** Plain files, readable by every user of a shared installation. */
function openOutput(dir: string): SchemaCache {
  return {
    read: async (key, extension) => readFile(join(dir, `${key}.${extension}`), 'utf8').catch(() => undefined),
    write: async (key, extension, text) => writeFile(join(dir, `${key}.${extension}`), text),
  };
}

/** Everything a run computes for the bundled specs, written to `store`. */
async function precompile(store: SchemaCache): Promise<void> {
  for (const kind of KINDS) {
    const path = bundledSchemaPath(kind);
    await loadSpec(path, kind, { cache: store });
    // Compiled from the spec as a run decodes it from the store, so the validator keys match.
    const body = (await loadSpec(path, kind, { cache: store })).bodyFor(kind);
    for (const policy of POLICIES) await precompileBodyValidator(body, policy, store);
  }
}

/** A run over the finished folder must hit every entry: a write would mean a parse or a compile. */
async function findMisses(dir: string): Promise<string[]> {
  const entries = openPrecompiledSchemas(dir);
  const misses: string[] = [];
  await precompile({
    read: (key, extension) => entries.read(key, extension),
    write: (key, extension) => {
      misses.push(`${key}.${extension}`);
      return Promise.resolve();
    },
  });
  return misses;
}

/**
 * The keys a run of the bundled specs asks for, by their input (known-cache-keys.ts): what a run of
 * `validate` computes for each kind and policy, against the finished folder.
 */
async function writeKnownKeys(dir: string): Promise<number> {
  const entries = openPrecompiledSchemas(dir);
  const keys = await recordCacheKeys(async () => {
    for (const kind of KINDS) {
      const spec = await loadSpec(bundledSchemaPath(kind), kind, { cache: entries });
      for (const policy of POLICIES) await createBodyValidator(spec.bodyFor(kind), policy, entries);
    }
  });
  await writeFile(join(dir, KNOWN_CACHE_KEYS_FILE), JSON.stringify(keys));
  return keys.length;
}

const PAYLOADS = fileURLToPath(new URL('../../../fixtures/payloads/', import.meta.url));

/** The JSON payload fixtures, valid and invalid: what a validator is run on before its code cache is taken. */
async function warmUpPayloads(): Promise<unknown[]> {
  const payloads: unknown[] = [];
  for (const folder of ['valid', 'invalid']) {
    const dir = join(PAYLOADS, folder);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      try {
        payloads.push(JSON.parse(await readFile(join(dir, name), 'utf8')));
      } catch {
        // a deliberately malformed fixture
      }
    }
  }
  return payloads;
}

/**
 * V8's code cache of every precompiled validator, taken after running it on the payload fixtures so
 * that it holds the functions a run needs compiled: a run on the same Node.js version then skips
 * parsing and compiling several hundred kilobytes of validator code. Another version ignores it.
 */
async function writeCodeCaches(dir: string): Promise<number> {
  const payloads = await warmUpPayloads();
  let written = 0;
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.cjs'))) {
    const key = file.slice(0, -'.cjs'.length);
    const loaded = loadCompiledCode(await readFile(join(dir, file), 'utf8'));
    if (!loaded) throw new Error(`${file} does not evaluate to a validator`);
    for (let round = 0; round < 3; round++) for (const payload of payloads) loaded.validate(payload);
    await writeFile(join(dir, codeCacheFile(key)), loaded.script.createCachedData());
    written++;
  }
  return written;
}

/**
 * `--code-caches DIR`: only adds the running Node.js version's code caches to a finished copy of the
 * folder (the single executable's build runs this with the Node.js it embeds).
 */
async function addCodeCaches(dir: string): Promise<void> {
  const caches = await writeCodeCaches(dir);
  console.log(`wrote ${caches} V8 code caches for Node.js ${process.version} in ${dir}`);
}

async function main(): Promise<void> {
  const only = process.argv.indexOf('--code-caches');
  if (only !== -1) return addCodeCaches(process.argv[only + 1] ?? '.');
  const dir = precompiledSchemaDir();
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await precompile(openOutput(dir));
  const misses = await findMisses(dir);
  if (misses.length > 0) throw new Error(`a run would not find ${misses.join(', ')}`);
  const known = await writeKnownKeys(dir);
  const caches = await writeCodeCaches(dir);
  const files = await readdir(dir);
  console.log(
    `precompiled the bundled schemas: ${files.length} files (${caches} V8 code caches, ${known} known keys) in ${relative(process.cwd(), dir)}`,
  );
}

main().catch((error: unknown) => {
  console.error(`precompile-bundled-schemas: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
