import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * Where parsed specs and compiled validators are kept between runs (schema-cache.ts). On its own so
 * that every command can name the folder without loading the cache, which only validation uses:
 * `tc-webhook-cache-<uid>` in the temp folder (the environment's TMPDIR when it names one).
 */
export function defaultCacheDir(temp: string = tmpdir()): string {
  let user = 'user';
  try {
    user = String(userInfo().uid >= 0 ? userInfo().uid : userInfo().username);
  } catch {
    // No passwd entry (some containers): one shared name, still checked for ownership before use.
  }
  return join(temp, `tc-webhook-cache-${user}`);
}
