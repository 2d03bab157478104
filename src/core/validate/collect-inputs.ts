import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { describeFsError } from '../files/describe-fs-error.js';
import { checkFileSize } from '../input/read-bounded.js';

export type PayloadInput =
  { source: 'file'; file: string; path: string } | { source: 'stdin'; file: '<stdin>' };

/** A payload-named entry of a directory that is not a regular file (a FIFO, a socket, a device). */
export interface SkippedInput {
  file: string;
  reason: string;
}

export interface CollectedInputs {
  inputs: PayloadInput[];
  skipped: SkippedInput[];
}

const PAYLOAD_EXTENSIONS = new Set(['.json', '.xml']);

/**
 * Expands the command's arguments into payload inputs, checked up front so that a typo fails the
 * run before any output: files as given, directories as every .json/.xml inside (recursively,
 * sorted), `-` as standard input. Only paths are kept; contents are read one at a time later.
 * A regular file over `maxBytes` fails the run here. Inside a directory only regular files are
 * taken (a FIFO there would hang the run); what a path names directly is read as it is, bounded.
 */
export async function collectInputs(args: string[], cwd: string, maxBytes: number): Promise<CollectedInputs> {
  const inputs: PayloadInput[] = [];
  const skipped: SkippedInput[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    if (arg === '-') {
      if (!seen.has('-')) inputs.push({ source: 'stdin', file: '<stdin>' });
      seen.add('-');
      continue;
    }
    const path = resolve(cwd, arg);
    let info: Stats;
    try {
      info = statSync(path);
    } catch (error) {
      throw new InputError(`cannot read ${arg}: ${describeFsError(error)}`, 'Check the path');
    }
    checkFileSize(arg, info, maxBytes);
    const found = info.isDirectory() ? listPayloadFiles(arg, path, maxBytes, skipped) : [{ file: arg, path }];
    for (const entry of found) {
      if (seen.has(entry.path)) continue;
      seen.add(entry.path);
      inputs.push({ source: 'file', ...entry });
    }
  }
  return { inputs, skipped };
}

/** Synchronous: thousands of entries are listed faster without a thread-pool round trip each. */
function listPayloadFiles(
  arg: string,
  root: string,
  maxBytes: number,
  skipped: SkippedInput[],
): { file: string; path: string }[] {
  const files: { file: string; path: string }[] = [];
  const visitedDirs = new Set<string>();
  const walk = (dir: string, shown: string): void => {
    let entries: Dirent[];
    try {
      const real = realpathSync(dir);
      if (visitedDirs.has(real)) return; // a symlink loop
      visitedDirs.add(real);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      const why = describeFsError(error);
      throw new InputError(`cannot read directory ${shown}: ${why}`, 'Check its permissions');
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const display = join(shown, entry.name);
      const info = entry.isSymbolicLink() ? statOrUndefined(path) : entry;
      if (info?.isDirectory()) walk(path, display);
      else if (!PAYLOAD_EXTENSIONS.has(extname(entry.name).toLowerCase())) continue;
      else if (!info) skipped.push({ file: display, reason: 'a broken symbolic link' });
      else if (!info.isFile())
        skipped.push({ file: display, reason: `not a regular file (${kindOf(info)})` });
      else {
        // A plain entry's size is checked when it is read (a stat each would slow big folders).
        if (info !== entry) checkFileSize(display, info as Stats, maxBytes);
        files.push({ file: display, path });
      }
    }
  };
  const before = skipped.length;
  walk(root, arg);
  if (files.length === 0) {
    const none = skipped.length > before ? 'no regular .json or .xml files' : 'no .json or .xml files';
    throw new InputError(
      `${none} in directory ${arg}`,
      'Pass payload files, or a directory that contains them',
    );
  }
  return files;
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
