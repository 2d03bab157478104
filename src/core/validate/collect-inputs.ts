import { statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { describeFsError, fsErrorCode } from '../files/describe-fs-error.js';
import { listPayloadFiles, type SkippedInput } from '../input/list-payload-files.js';
import { checkFileSize } from '../input/read-bounded.js';

export type { SkippedInput };

/** `regular`: a regular file when the inputs were collected (it is read without another stat). */
export type PayloadInput =
  { source: 'file'; file: string; path: string; regular: boolean } | { source: 'stdin'; file: '<stdin>' };

export interface CollectedInputs {
  inputs: PayloadInput[];
  skipped: SkippedInput[];
}

/**
 * Expands the command's arguments into payload inputs, checked up front so that a typo fails the
 * run before any output: files as given, directories as every .json/.xml inside (recursively,
 * sorted), `-` as standard input. Only paths are kept; contents are read one at a time later.
 * A regular file over `maxBytes` fails the run here. Inside a directory only regular files are
 * taken (a FIFO there would hang the run); what a path names directly is read as it is, bounded.
 */
export function collectInputs(args: string[], cwd: string, maxBytes: number): CollectedInputs {
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
      throw new InputError(`cannot read ${arg}: ${describeFsError(error)}`, 'Check the path', {
        code: fsErrorCode(error),
      });
    }
    checkFileSize(arg, info, maxBytes);
    let found = [{ file: arg, path, regular: info.isFile() }];
    if (info.isDirectory()) {
      const listed = listPayloadFiles(arg, path, maxBytes);
      skipped.push(...listed.skipped);
      found = listed.files.map((entry) => ({ ...entry, regular: true })); // only regular files are listed
    }
    for (const entry of found) {
      if (seen.has(entry.path)) continue;
      seen.add(entry.path);
      inputs.push({ source: 'file', ...entry });
    }
  }
  return { inputs, skipped };
}
