/**
 * Build step (`npm run build`, after tsc): parses the bundled specs and compiles every validator
 * variant `validate` can need into dist/src/schemas/precompiled/, with the same functions and
 * under the same keys as the run-time schema cache. It then checks that a run would find every
 * entry there, and fails the build otherwise.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { BodyKind } from '../core/schema/body-schema-types.js';
import { precompileBodyValidator } from '../core/schema/create-body-validator.js';
import { bundledSchemaPath, loadSpec } from '../core/schema/load-body-schema.js';
import { openPrecompiledSchemas, precompiledSchemaDir } from '../core/schema/precompiled-schemas.js';
import type { SchemaCache } from '../core/schema/schema-cache.js';

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

async function main(): Promise<void> {
  const dir = precompiledSchemaDir();
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await precompile(openOutput(dir));
  const misses = await findMisses(dir);
  if (misses.length > 0) throw new Error(`a run would not find ${misses.join(', ')}`);
  const files = await readdir(dir);
  console.log(`precompiled the bundled schemas: ${files.length} files in ${relative(process.cwd(), dir)}`);
}

main().catch((error: unknown) => {
  console.error(`precompile-bundled-schemas: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
