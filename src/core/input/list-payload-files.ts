import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { extname, join } from 'node:path';
import { InputError } from '../../errors.js';
import { describeFsError, fsErrorCode } from '../files/describe-fs-error.js';
import { checkFileSize } from './read-bounded.js';

/** A payload file found in a directory: `file` as shown to the user, `path` to open. */
export interface PayloadFile {
  file: string;
  path: string;
}

/** A payload-named entry of a directory that is not a regular file (a FIFO, a socket, a device). */
export interface SkippedInput {
  file: string;
  reason: string;
}

export interface PayloadFileList {
  files: PayloadFile[];
  skipped: SkippedInput[];
}

const PAYLOAD_EXTENSIONS = new Set(['.json', '.xml']);

/** Whether a file name says it is a payload (.json or .xml, any case). */
export function isPayloadName(name: string): boolean {
  return PAYLOAD_EXTENSIONS.has(extname(name).toLowerCase());
}

/**
 * Every .json / .xml file under a directory, recursively, sorted by name within each folder. The
 * one walk behind `validate <dir>` and `send-sample --file <dir>`, so both take the same files.
 * Symbolic links are followed, each real directory once (a link loop ends); only regular files
 * are taken (a FIFO would hang the run), the rest are listed as skipped. A linked file over
 * `maxBytes` fails here; a plain entry's size is checked when it is read (a stat each would slow
 * big folders). Synchronous: thousands of entries are listed faster without a thread-pool round
 * trip each. `shown` is the directory as the user named it; files are shown below it.
 */
export function listPayloadFiles(shown: string, root: string, maxBytes: number): PayloadFileList {
  const files: PayloadFile[] = [];
  const skipped: SkippedInput[] = [];
  const visitedDirs = new Set<string>();
  const walk = (dir: string, display: string): void => {
    let entries: Dirent[];
    try {
      const real = realpathSync(dir);
      if (visitedDirs.has(real)) return; // a symlink loop
      visitedDirs.add(real);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      throw new InputError(
        `cannot read directory ${display}: ${describeFsError(error)}`,
        'Check its permissions',
        { code: fsErrorCode(error) },
      );
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const file = join(display, entry.name);
      const info = entry.isSymbolicLink() ? statOrUndefined(path) : entry;
      if (info?.isDirectory()) walk(path, file);
      else if (!isPayloadName(entry.name)) continue;
      else if (!info) skipped.push({ file, reason: 'a broken symbolic link' });
      else if (!info.isFile()) skipped.push({ file, reason: `not a regular file (${kindOf(info)})` });
      else {
        if (info !== entry) checkFileSize(file, info as Stats, maxBytes);
        files.push({ file, path });
      }
    }
  };
  walk(root, shown);
  if (files.length === 0) {
    const none = skipped.length > 0 ? 'no regular .json or .xml files' : 'no .json or .xml files';
    throw new InputError(
      `${none} in directory ${shown}`,
      'Pass payload files, or a directory that contains them',
    );
  }
  return { files, skipped };
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function kindOf(info: Dirent | Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a file';
}
