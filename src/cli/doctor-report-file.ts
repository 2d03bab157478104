import { access, constants, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { describeFsError } from '../core/files/describe-fs-error.js';
import { writeWholeFile } from '../core/files/write-whole-file.js';
import { doctorFileFormat } from '../report/doctor-file.js';

const HINT = 'Check that the folder exists and is writable, or choose another --report path';

/**
 * Writing names a file whose folder may be missing: for those two codes the folder is what to fix,
 * so they are worded for it; every other error reads as it does for any file the tool opens.
 */
const FOLDER_REASONS: Record<string, (path: string) => string> = {
  ENOENT: (path) => `the folder ${dirname(path)} does not exist`,
  ENOTDIR: (path) => `${dirname(path)} is not a folder`,
};

function cannotWrite(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = FOLDER_REASONS[code]?.(path) ?? describeFsError(error);
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

/**
 * The --report file of doctor and scenario, checked before anything is sent: a known format by its
 * extension, and a folder it can be written to. Returns the absolute path.
 */
export async function prepareReportFile(reportFile: string, cwd: string): Promise<string> {
  doctorFileFormat(reportFile);
  const path = resolve(cwd, reportFile);
  await checkReportFile(path);
  return path;
}

/** Whole or not at all: a full disk leaves the previous report (or none), never a short one. */
export async function writeReportFile(path: string, text: string): Promise<void> {
  try {
    await writeWholeFile(path, text);
  } catch (error) {
    throw cannotWrite(path, error);
  }
}
