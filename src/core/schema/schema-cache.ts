import { userInfo } from 'node:os';
import { join } from 'node:path';
import { cachedDataVersionTag } from 'node:v8';
import { BUILD_ID } from '../../build-info.js';
import { finishBeforeExit } from '../files/unfinished-writes.js';
import { nodeCrypto } from '../node-crypto.js';
import { knownCacheKey, noteHashedKey } from './known-cache-keys.js';

/**
 * Parsing the bundled YAML and compiling its schema with ajv take far longer than validating a
 * payload, so their results are kept on disk, keyed by a hash of their inputs. The cache holds
 * code that gets evaluated, so it is used only in a directory that this user owns and nobody
 * else can write to; otherwise the cache is silently off.
 */
export interface SchemaCache {
  read: (key: string, extension: string) => Promise<string | undefined>;
  write: (key: string, extension: string, text: string) => Promise<void>;
  /** V8's compiled form of the validator code under `key`, for this V8 version. */
  readCodeCache?: (key: string) => Promise<Buffer | undefined>;
  writeCodeCache?: (key: string, data: Buffer) => Promise<void>;
}

/**
 * The file of a validator's V8 code cache. V8 accepts a code cache only from its own version, flags
 * and CPU features, which its version tag sums up: one file per tag.
 */
export function codeCacheFile(key: string): string {
  return `${key}.v8-${cachedDataVersionTag()}.bin`;
}

/** Bump when the format of cached entries changes. */
const CACHE_FORMAT = '2';

/**
 * Whether caches can be used at all: only in a build that knows its id (`npm run build`). A compile
 * by tsc alone has none, and a key without it could find what older code wrote.
 */
export const CACHES_ENABLED = BUILD_ID !== undefined;

/**
 * The key of a cached entry: everything that shapes its content. The build id stands for the code
 * that produces it (a hash of the compiled sources); `parts` name the rest (what is cached, the
 * options it was made with, the versions of the libraries that made it, the input text).
 */
export function cacheKey(...parts: string[]): string {
  return cacheKeyOf(BUILD_ID ?? 'unbuilt', parts);
}

export function cacheKeyOf(buildId: string, parts: readonly string[]): string {
  const input = [CACHE_FORMAT, buildId, ...parts].join('\u0000');
  const known = knownCacheKey(input);
  if (known !== undefined) return known;
  // node:crypto is loaded only here: a run of the bundled specs finds every key it needs listed.
  const { createHash } = nodeCrypto();
  const key = createHash('sha256').update(input).digest('hex').slice(0, 40);
  noteHashedKey(input, key);
  return key;
}

/**
 * node:fs/promises, loaded on first use: a run that finds everything precompiled in the package
 * never touches the cache folder.
 */
const files = () => import('node:fs/promises');

/** Whether `dir` is (made, if missing) a folder only this user can write to. */
async function isPrivateFolder(dir: string): Promise<boolean> {
  try {
    const { lstat, mkdir } = await files();
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const info = await lstat(dir);
    const uid = userInfo().uid;
    const private_ = uid < 0 || ((info.mode & 0o077) === 0 && info.uid === uid);
    return info.isDirectory() && private_;
  } catch {
    return false;
  }
}

/**
 * The cache in `dir`. The folder is made and checked on first use, not here: a run that finds all it
 * needs precompiled in the package never touches it. Where it is not private, every read misses and
 * nothing is written.
 */
export function openSchemaCache(dir: string): Promise<SchemaCache | undefined> {
  if (!CACHES_ENABLED) return Promise.resolve(undefined);
  let checked: Promise<boolean> | undefined;
  const usable = () => (checked ??= isPrivateFolder(dir));
  const readEntry = async <T>(read: () => Promise<T>): Promise<T | undefined> =>
    (await usable()) ? read().catch(() => undefined) : undefined;
  const writeAtomically = (name: string, data: string | Buffer) => finishBeforeExit(writeEntry(name, data));
  const writeEntry = async (name: string, data: string | Buffer) => {
    if (!(await usable())) return;
    const target = join(dir, name);
    const temp = `${target}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`;
    const { rename, unlink, writeFile } = await files();
    try {
      await writeFile(temp, data, { mode: 0o600 });
      await rename(temp, target); // readers never see a half-written entry
    } catch {
      await unlink(temp).catch(() => undefined);
    }
  };
  return Promise.resolve({
    read: async (key, extension) =>
      readEntry(async () => (await files()).readFile(join(dir, `${key}.${extension}`), 'utf8')),
    write: async (key, extension, text) => writeAtomically(`${key}.${extension}`, text),
    readCodeCache: async (key) =>
      readEntry(async () => (await files()).readFile(join(dir, codeCacheFile(key)))),
    writeCodeCache: async (key, data) => writeAtomically(codeCacheFile(key), data),
  });
}
