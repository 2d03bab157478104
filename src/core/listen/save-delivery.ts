import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeFsError } from '../files/describe-fs-error.js';
import type { PayloadFormat } from '../validate/detect-format.js';
import { saveFileName } from './save-name.js';

const ATTEMPTS = 20;

export type SaveOutcome = { savedAs: string } | { warning: string };

/**
 * Writes the body byte for byte, never over an existing file ('wx'): a name already taken (a
 * previous run into the same directory) moves on to `-1`, `-2` …, and after that the body is
 * skipped with a warning.
 */
export async function saveDelivery(
  dir: string,
  delivery: { seq: number; eventName: string | undefined; format: PayloadFormat; body: Buffer },
): Promise<SaveOutcome> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const path = join(dir, saveFileName(delivery.seq, delivery.eventName, delivery.format, attempt));
    try {
      await writeFile(path, delivery.body, { flag: 'wx' });
      return { savedAs: path };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST')
        return {
          warning: `delivery #${delivery.seq} not saved: ${describeFsError(error)} writing ${path}`,
        };
    }
  }
  return { warning: `delivery #${delivery.seq} not saved: ${ATTEMPTS} names in ${dir} were already taken` };
}
