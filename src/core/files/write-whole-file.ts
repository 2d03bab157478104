import { randomBytes } from 'node:crypto';
import { link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The temporary name a file is written under before it gets its own: hidden, in the same folder (a
 * rename or link never crosses file systems), and recognisable, so leftovers of a crash can be swept.
 */
export function partialName(path: string, unique = ''): string {
  return join(dirname(path), `.${basename(path)}${unique}.partial`);
}

/** Writes and flushes `data` to a new file at `temp`; on any error nothing is left there. */
async function writeTemp(temp: string, data: string | Uint8Array, mode?: number): Promise<void> {
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(data);
    // A full disk may only say so when the data reaches it: the final name must not name a short file.
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Files are written whole or not at all: under a temporary name first, then renamed over `path`.
 * A full disk or a broken write never leaves a 0-byte or partial file under the final name.
 */
export async function writeWholeFile(path: string, data: string | Uint8Array, mode?: number): Promise<void> {
  const temp = partialName(path, `.${randomBytes(6).toString('hex')}`);
  await writeTemp(temp, data, mode);
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes `data` whole under the first name `nameFor(attempt)` not yet taken, never replacing a file:
 * written under a temporary name, then linked to the final one (a link fails on a name that exists,
 * where a rename would replace it). Returns the name used, or undefined when all were taken.
 */
export async function writeNewWholeFile(
  nameFor: (attempt: number) => string,
  attempts: number,
  data: Uint8Array,
): Promise<string | undefined> {
  const temp = partialName(nameFor(0));
  await unlink(temp).catch(() => undefined);
  await writeTemp(temp, data);
  try {
    for (let attempt = 0; attempt < attempts; attempt++) {
      const path = nameFor(attempt);
      try {
        await link(temp, path);
        return path;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    return undefined;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
