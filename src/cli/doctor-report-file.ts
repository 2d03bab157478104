import { access, constants, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError } from '../errors.js';

const HINT = 'Check that the folder exists and is writable, or choose another --report path';

const REASONS: Record<string, (path: string) => string> = {
  ENOENT: (path) => `the folder ${dirname(path)} does not exist`,
  ENOTDIR: (path) => `${dirname(path)} is not a folder`,
  EISDIR: () => 'it is a folder',
  EACCES: () => 'permission denied',
  EPERM: () => 'permission denied',
  EROFS: () => 'the file system is read-only',
};

function cannotWrite(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = REASONS[code]?.(path) ?? (code || String(error));
  return new InputError(`cannot write the report to ${path}: ${reason}`, HINT);
}

/**
 * Whether --report can be written, asked before doctor sends anything: finding a missing or read-only
 * folder only at the end would waste every request (and, for a rate-limited endpoint, the quota).
 * Nothing is created here, so a run that stops early leaves no empty file behind.
 */
export async function checkReportFile(path: string): Promise<void> {
  try {
    await access(dirname(path), constants.W_OK);
    const existing = await stat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (existing?.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (existing) await access(path, constants.W_OK);
  } catch (error) {
    throw cannotWrite(path, error);
  }
}

export async function writeReportFile(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw cannotWrite(path, error);
  }
}
