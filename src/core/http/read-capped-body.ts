import type { Readable } from 'node:stream';

export interface CappedBody {
  /** The first bytes, decoded as UTF-8. */
  text: string;
  /** Total bytes received (only the kept part is held in memory). */
  bytes: number;
  /** Whether the rest was cut off because it exceeded `drainBytes`. */
  abandoned: boolean;
}

export interface ReadCappedOptions {
  /** Bytes kept for the report. */
  keepBytes: number;
  /**
   * Bytes read and dropped after that, so the keep-alive connection can be reused; beyond this the
   * stream is destroyed (closing the connection) rather than downloading a huge answer nobody reads.
   */
  drainBytes: number;
}

/**
 * Reads a response body with bounded memory: a 50 MB answer costs no more than a 50 byte one.
 * Plain stream events rather than an async iterator: this runs once per request of a burst.
 */
export function readCappedBody(body: Readable, options: ReadCappedOptions): Promise<CappedBody> {
  return new Promise((resolve, reject) => {
    const kept: Buffer[] = [];
    let keptBytes = 0;
    let bytes = 0;
    body.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (keptBytes < options.keepBytes) {
        const part = chunk.subarray(0, options.keepBytes - keptBytes);
        kept.push(part);
        keptBytes += part.length;
      }
      if (bytes > options.keepBytes + options.drainBytes) {
        body.destroy();
        resolve({ text: decode(kept), bytes, abandoned: true });
      }
    });
    body.on('end', () => resolve({ text: decode(kept), bytes, abandoned: false }));
    body.on('error', reject);
  });
}

function decode(parts: Buffer[]): string {
  if (parts.length === 0) return '';
  // A multi-byte character cut at the boundary decodes as U+FFFD; drop it rather than show garbage.
  return Buffer.concat(parts)
    .toString('utf8')
    .replace(/\uFFFD+$/, '');
}
