import { access, constants, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describeFsError } from '../core/files/describe-fs-error.js';
import { writeWholeFile as writeFileWhole } from '../core/files/write-whole-file.js';
import { InputError } from '../errors.js';

/** Reasons about the folder a file is to be written in, worded for the folder. */
const FOLDER_REASONS: Record<string, (path: string) => string> = {
  ENOENT: (path) => `the folder ${dirname(path)} does not exist`,
  ENOTDIR: (path) => `${dirname(path)} is not a folder`,
};

function cannotWrite(what: string, flag: string, path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = FOLDER_REASONS[code]?.(path) ?? describeFsError(error);
  return new InputError(
    `cannot write the ${what} to ${path}: ${reason}`,
    `Check that the folder exists and is writable, or choose another ${flag} path`,
  );
}

/** Asked before a command runs, so a wrong path is said before any work (or request) is spent. */
export async function checkWritable(what: string, flag: string, path: string): Promise<void> {
  try {
    await access(dirname(path), constants.W_OK);
    const existing = await stat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (existing?.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
  } catch (error) {
    throw cannotWrite(what, flag, path, error);
  }
}

/**
 * Writes a file whole or not at all: a temporary file beside it, renamed over it once complete, so
 * a reader (a CI upload step) never sees half a file and an old file survives a failed write.
 */
export async function writeWholeFile(what: string, flag: string, path: string, text: string): Promise<void> {
  try {
    await writeFileWhole(path, text);
  } catch (error) {
    throw cannotWrite(what, flag, path, error);
  }
}
