import { readFile } from 'node:fs/promises';
import { getAsset, isSea } from 'node:sea';
import { fileURLToPath } from 'node:url';

/**
 * Files the tool ships beside its code: the bundled YAML specs, the precompiled validators and the
 * schema declarations, named by their path inside the package (`src/schemas/order-webhook.yaml`,
 * `dist/src/schemas/precompiled/…`). An npm installation reads them from the package's folder; the
 * single executable carries them inside itself as assets under the same names (scripts/build-binary.mjs)
 * and reads nothing from disk for them.
 */
/** Where a shipped file is: in the package's folder, or (in the single executable) inside it. */
export function shippedPath(relative: string): string {
  if (isSea()) return `tc-webhook:${relative}`;
  return fileURLToPath(new URL(`../../../../${relative}`, import.meta.url));
}

/** The file's bytes; undefined when this installation lacks it. */
export async function readShippedFile(relative: string): Promise<Buffer | undefined> {
  if (!isSea()) return readFile(shippedPath(relative)).catch(() => undefined);
  try {
    return Buffer.from(getAsset(relative));
  } catch {
    return undefined;
  }
}
