import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describeFsError } from '../files/describe-fs-error.js';
import { writeNewWholeFile } from '../files/write-whole-file.js';
import type { PayloadFormat } from '../validate/detect-format.js';
import { saveFileName } from './save-name.js';

const ATTEMPTS = 20;

export type SaveOutcome = { savedAs: string } | { failed: string };

/**
 * Writes the body byte for byte, whole or not at all: to `.<name>.partial` first, then linked to its
 * final name, never over an existing file: a name already taken (a previous run into the same
 * directory) moves on to `-1`, `-2` …. A body that cannot be saved is a failure the caller answers
 * 503, so Tradecloud delivers it again.
 */
export async function saveDelivery(
  dir: string,
  delivery: { seq: number; eventName: string | undefined; format: PayloadFormat; body: Buffer },
): Promise<SaveOutcome> {
  const nameFor = (attempt: number) =>
    join(dir, saveFileName(delivery.seq, delivery.eventName, delivery.format, attempt));
  try {
    const path = await writeNewWholeFile(nameFor, ATTEMPTS, delivery.body);
    if (path !== undefined) return { savedAs: path };
    return { failed: `${ATTEMPTS} names in ${dir} were already taken` };
  } catch (error) {
    return { failed: `${describeFsError(error)} writing in ${dir}` };
  }
}

/** Removes what an earlier run left half-written (`.<name>.partial`); returns how many. */
export async function sweepPartialSaves(dir: string): Promise<number> {
  const names = await readdir(dir);
  const partial = names.filter((n) => n.startsWith('.') && n.endsWith('.partial'));
  await Promise.all(partial.map((n) => unlink(join(dir, n)).catch(() => undefined)));
  return partial.length;
}
