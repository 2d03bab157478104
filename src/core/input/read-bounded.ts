import {
  closeSync,
  constants,
  createReadStream,
  fstatSync,
  openSync,
  readSync,
  statSync,
  type Stats,
} from 'node:fs';
import type { Readable } from 'node:stream';
import { InputError } from '../../errors.js';

/** Every payload or spec input is read up to this many bytes unless --max-size says otherwise. */
export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** An input over the size limit: never read further, never used. */
export class InputTooLargeError extends InputError {
  static override readonly defaultCode = 'input.too-large';
}

export function describeSize(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (bytes >= 1024 * 1024 && Number.isInteger(mib)) return `${bytes} bytes (${mib} MiB)`;
  return `${bytes} bytes`;
}

export function tooLarge(name: string, maxBytes: number, size?: number): InputTooLargeError {
  const found = size === undefined ? 'more than' : `${describeSize(size)}, over`;
  return new InputTooLargeError(
    `${name} is too large: ${found} the input limit of ${describeSize(maxBytes)}`,
    'Raise it with --max-size <bytes> if the input is meant to be this large',
  );
}

/** Refuses a regular file over the limit from its size alone, before any byte is read. */
export function checkFileSize(name: string, info: Stats, maxBytes: number): void {
  if (info.isFile() && info.size > maxBytes) throw tooLarge(name, maxBytes, info.size);
}

/**
 * Reads a whole stream, stopping (and destroying it) as soon as it passes `maxBytes`: stdin, a
 * FIFO or a device (/dev/zero never ends) cannot make the process grow without bound.
 */
export async function readStreamBounded(stream: Readable, name: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      total += buffer.length;
      if (total > maxBytes) throw tooLarge(name, maxBytes);
      chunks.push(buffer);
    }
  } finally {
    if (!stream.readableEnded) stream.destroy();
  }
  return Buffer.concat(chunks, total);
}

/**
 * Reads a file up to `maxBytes`. A regular file is checked by its size first (a 3 GB file is
 * refused without reading it) and read synchronously (files are read one after another, and a
 * thread-pool round trip per file would cost more than the read); anything else (a FIFO, a
 * device) is read as a stream up to the limit. It is told apart before it is opened: opening a
 * FIFO waits for its writer, and a FIFO opened and closed again would fail that writer.
 * `knownRegular`: the caller has just seen a regular file there (a directory listing, a stat), so
 * the stat is skipped; it is opened without waiting, and should it have become something else since,
 * it is read as a stream after all. File system errors are thrown as they are, for the caller to word.
 */
export async function readFileBounded(
  path: string,
  name: string,
  maxBytes: number,
  knownRegular = false,
): Promise<Buffer> {
  const asStream = () =>
    readStreamBounded(createReadStream(path, { highWaterMark: 1 << 20 }), name, maxBytes);
  if (!knownRegular && !statSync(path).isFile()) return asStream();
  const fd = openSync(path, knownRegular ? constants.O_RDONLY | constants.O_NONBLOCK : 'r');
  let info: Stats;
  try {
    info = fstatSync(fd);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  if (!info.isFile()) {
    closeSync(fd);
    return asStream();
  }
  try {
    checkFileSize(name, info, maxBytes);
    // One byte more than the stat said: a file that grew since is noticed and read on, still bounded.
    const first = Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
    let total = 0;
    for (let n; total < first.length && (n = readSync(fd, first, total, first.length - total, null)) > 0;) {
      total += n;
      // All the stat announced, and the read stopped short of the extra byte: that is the end.
      if (total === info.size) return first.subarray(0, total);
    }
    if (total < first.length) return first.subarray(0, total);
    const chunks = [first];
    for (;;) {
      if (total > maxBytes) throw tooLarge(name, maxBytes);
      const chunk = Buffer.allocUnsafe(1 << 20);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
