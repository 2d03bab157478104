import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The compiled module that carries the build id (and so cannot be part of its hash). */
export const BUILD_INFO_FILE = 'build-info.js';

/** Folders of the compiled tree the build writes after the id is known: its data, not its code. */
const DERIVED = new Set(['schemas']);

/**
 * The build id: a hash of every compiled file of the tool (`dir` is dist/src), by path and content,
 * so that any change to the code that produces a cached entry changes the key it is found under.
 */
export function computeBuildId(dir: string): string {
  const hash = createHash('sha256');
  const visit = (folder: string) => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      const name = relative(dir, path).split(sep).join('/');
      if (entry.isDirectory()) {
        if (!(folder === dir && DERIVED.has(entry.name))) visit(path);
      } else if (name !== BUILD_INFO_FILE && /\.(c|m)?js$/.test(name)) {
        hash.update(name).update('\u0000').update(readFileSync(path)).update('\u0000');
      }
    }
  };
  visit(dir);
  return hash.digest('hex').slice(0, 40);
}
