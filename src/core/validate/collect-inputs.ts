import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { InputError } from '../../errors.js';

export type PayloadInput =
  { source: 'file'; file: string; path: string } | { source: 'stdin'; file: '<stdin>' };

const PAYLOAD_EXTENSIONS = new Set(['.json', '.xml']);

/**
 * Expands the command's arguments into payload inputs, checked up front so that a typo fails the
 * run before any output: files as given, directories as every .json/.xml inside (recursively,
 * sorted), `-` as standard input. Only paths are kept; contents are read one at a time later.
 */
export function collectInputs(args: string[], cwd: string): PayloadInput[] {
  const inputs: PayloadInput[] = [];
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
      throw new InputError(
        `cannot read ${arg}: ${describeFsError(error as NodeJS.ErrnoException)}`,
        'Check the path',
      );
    }
    const found = info.isDirectory() ? listPayloadFiles(arg, path) : [{ file: arg, path }];
    for (const entry of found) {
      if (seen.has(entry.path)) continue;
      seen.add(entry.path);
      inputs.push({ source: 'file', ...entry });
    }
  }
  return inputs;
}

/** Synchronous: thousands of entries are listed faster without a thread-pool round trip each. */
function listPayloadFiles(arg: string, root: string): { file: string; path: string }[] {
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
      const why = describeFsError(error as NodeJS.ErrnoException);
      throw new InputError(`cannot read directory ${shown}: ${why}`, 'Check its permissions');
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const display = join(shown, entry.name);
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(path));
      if (isDir) walk(path, display);
      else if (PAYLOAD_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push({ file: display, path });
    }
  };
  walk(root, arg);
  if (files.length === 0) {
    throw new InputError(
      `no .json or .xml files in directory ${arg}`,
      'Pass payload files, or a directory that contains them',
    );
  }
  return files;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function describeFsError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return error.code ?? error.message;
  }
}
