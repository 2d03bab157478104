import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../errors.js';
import { describeFsError } from '../files/describe-fs-error.js';
import { readFileBounded } from '../input/read-bounded.js';
import { fetchSpec } from './read-spec-document.js';

/** Where a spec's `$ref`s may lead, and how their targets are read. */
export interface RefBounds {
  /** The spec's file path or URL. */
  location: string;
  isUrl: boolean;
  timeoutMs: number;
  maxBytes: number;
  fetch?: typeof globalThis.fetch;
}

/** A `$ref` the bounds refuse; kept aside so the resolver library cannot reword it. */
export class RefusedRefError extends InputError {
  static override readonly defaultCode = 'input.refused-ref';
}

/**
 * Reads the target of every external `$ref`, refusing those outside the spec's bounds: for a
 * spec file, only regular files under the spec's own folder, compared by real path (a symlink or
 * `..` cannot lead out, so /proc/self/environ or /etc/passwd are never read); for a spec URL,
 * only URLs of the same origin. Nothing of a refused target is read, let alone shown.
 */
export function confinedReader(
  bounds: RefBounds,
  display: string,
): (url: string) => Promise<Buffer | string> {
  const refuse = (target: string, why: string): RefusedRefError =>
    new RefusedRefError(
      `the spec ${display} has a $ref to ${target}, which is refused: ${why}`,
      'A spec may refer only to files in its own folder (or, for a URL, to its own site)',
    );
  if (bounds.isUrl) {
    const origin = new URL(bounds.location).origin;
    return async (url) => {
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        throw refuse(url, 'not a URL');
      }
      if (target.origin !== origin) throw refuse(target.href, `not on ${origin}`);
      return fetchSpec(target.href, bounds, 'the $ref target');
    };
  }
  const folder = dirname(bounds.location);
  const realFolder = realFolderOf(folder);
  return async (url) => {
    const path = toFilePath(url);
    if (path === undefined) throw refuse(url, 'not a file in the spec folder');
    // As written first (nothing outside is even looked at), then by real path (symlinks).
    if (!isInside(folder, path)) throw refuse(path, 'it is outside the spec folder');
    const shown = relative(folder, path);
    let real: string;
    try {
      real = realpathSync(path);
    } catch (error) {
      throw new InputError(
        `the spec ${display} has a broken $ref: cannot read ${shown} (${describeFsError(error)})`,
        HINT,
      );
    }
    if (!isInside(realFolder, real))
      throw refuse(shown, 'it leads outside the spec folder (a symbolic link)');
    const inside = shown;
    try {
      // Only a regular file: a FIFO or a device in the folder would hang the run or never end.
      if (!statSync(real).isFile()) throw refuse(inside, 'not a regular file');
      return await readFileBounded(real, `the $ref target ${inside}`, bounds.maxBytes);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw refuse(inside, `cannot be read (${describeFsError(error)})`);
    }
  };
}

const HINT = 'Fix the $ref in the spec, or pass the spec that contains the definitions';

function isInside(folder: string, path: string): boolean {
  const inside = relative(folder, resolve(folder, path));
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}

function realFolderOf(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}

/** The resolver library hands over file paths URL-encoded, and `file:` URLs as they are. */
function toFilePath(url: string): string | undefined {
  try {
    if (/^file:/i.test(url)) return fileURLToPath(url);
    if (/^[a-z][a-z0-9+.-]+:/i.test(url) && !/^[a-z]:[\\/]/i.test(url)) return undefined;
    return decodeURIComponent(url);
  } catch {
    return undefined;
  }
}
