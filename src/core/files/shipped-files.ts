import { readFileSync } from 'node:fs';
import { getRawAsset, isSea } from 'node:sea';
import { fileURLToPath } from 'node:url';

/**
 * Files the tool ships beside its code: the bundled YAML specs, the precompiled validators and the
 * schema declarations, named by their path inside the package (`src/schemas/order-webhook.yaml`,
 * `dist/src/schemas/precompiled/…`). An npm installation reads them from the package's folder; the
 * single executable carries them inside itself as assets under the same names (scripts/build-binary.mjs)
 * and reads nothing from disk for them.
 */
/** The package build's precompiled schemas (precompiled-schemas.ts) and their key list (known-cache-keys.ts). */
export const PRECOMPILED_FOLDER = 'dist/src/schemas/precompiled/';

/** Where a shipped file is: in the package's folder, or (in the single executable) inside it. */
export function shippedPath(relative: string): string {
  if (isSea()) return `tc-webhook:${relative}`;
  return fileURLToPath(new URL(`../../../../${relative}`, import.meta.url));
}

/**
 * The file's bytes; undefined when this installation lacks it. Read in one call: these are the
 * installation's own files, read at start-up when nothing else runs, where each of the thread
 * pool's round trips (open, stat, read, close) would cost more than the read itself.
 */
export function readShippedFile(relative: string): Promise<Buffer | undefined> {
  return Promise.resolve(readShippedFileSync(relative));
}

/** readShippedFile, for a caller that cannot wait. */
export function readShippedFileSync(relative: string): Buffer | undefined {
  if (!isSea()) {
    try {
      return readFileSync(shippedPath(relative));
    } catch {
      return undefined;
    }
  }
  try {
    // The asset where it lies in the executable, not a copy: every caller only reads it. (Writing
    // to it would crash: the executable's memory is read-only.)
    // (Typed as a string too; an asset is bytes.)
    const asset = getRawAsset(relative) as ArrayBuffer;
    return Buffer.from(asset);
  } catch {
    return undefined;
  }
}
