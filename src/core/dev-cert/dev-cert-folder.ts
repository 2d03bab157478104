import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../errors.js';
import { describeFsError } from '../files/describe-fs-error.js';
import { writeWholeFile } from '../files/write-whole-file.js';

/** The files dev-cert makes in its folder, by role. */
export const DEV_CERT_FILES = {
  ca: 'ca.pem',
  caKey: 'ca-key.pem',
  cert: 'cert.pem',
  key: 'key.pem',
} as const;
export type DevCertRole = keyof typeof DEV_CERT_FILES;

/** What dev-cert made, so a later run knows which files it may replace. */
export const MANIFEST = 'tc-webhook-dev-cert.json';
const MADE_BY = 'tc-webhook dev-cert';

interface Manifest {
  madeBy: typeof MADE_BY;
  createdAt: string;
  expiresAt: string;
  names: string[];
  /** File name → SHA-256 of the bytes dev-cert wrote. */
  files: Record<string, string>;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

async function readIfPresent(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw new InputError(`cannot read ${path}: ${describeFsError(error)}`, 'Check the folder');
  }
}

function notOurs(path: string): InputError {
  return new InputError(
    `${path} exists and was not made by tc-webhook dev-cert; it is left as it is`,
    'Choose another --dir, or move that file away',
    { code: 'input.exists' },
  );
}

/**
 * Writes the files into `dir` (made if missing), keys with mode 0600, each whole (temporary name,
 * then rename), the manifest last. A file of the same name is replaced only when the manifest shows
 * dev-cert wrote exactly those bytes; anything else stops the run before a file is written.
 * Returns whether earlier dev-cert files were replaced.
 */
export async function writeDevCertFolder(
  dir: string,
  /** The folder as the user gave it, for messages. */
  shownDir: string,
  contents: Record<DevCertRole, string>,
  meta: { createdAt: Date; expiresAt: Date; names: readonly string[] },
): Promise<{ replaced: boolean }> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new InputError(
      `cannot make the folder ${shownDir}: ${describeFsError(error)}`,
      'Choose another --dir',
    );
  }
  const manifestPath = join(dir, MANIFEST);
  const shown = (name: string) => join(shownDir, name);
  const manifestBytes = await readIfPresent(manifestPath);
  let previous: Manifest | undefined;
  if (manifestBytes !== undefined) {
    try {
      const parsed = JSON.parse(manifestBytes.toString('utf8')) as Partial<Manifest> | null;
      if (parsed?.madeBy === MADE_BY && typeof parsed.files === 'object') previous = parsed as Manifest;
    } catch {
      previous = undefined;
    }
    if (previous === undefined) throw notOurs(shown(MANIFEST));
  }
  let replaced = false;
  for (const name of Object.values(DEV_CERT_FILES)) {
    const existing = await readIfPresent(join(dir, name));
    if (existing === undefined) continue;
    if (previous?.files[name] !== sha256(existing)) throw notOurs(shown(name));
    replaced = true;
  }
  const files: Record<string, string> = {};
  const write = async (name: string, data: string, mode: number) => {
    try {
      await writeWholeFile(join(dir, name), data, mode);
    } catch (error) {
      throw new InputError(`cannot write ${shown(name)}: ${describeFsError(error)}`, 'Choose another --dir');
    }
  };
  for (const role of Object.keys(DEV_CERT_FILES) as DevCertRole[]) {
    const name = DEV_CERT_FILES[role];
    await write(name, contents[role], role === 'key' || role === 'caKey' ? 0o600 : 0o644);
    files[name] = sha256(contents[role]);
  }
  const manifest: Manifest = {
    madeBy: MADE_BY,
    createdAt: meta.createdAt.toISOString(),
    expiresAt: meta.expiresAt.toISOString(),
    names: [...meta.names],
    files,
  };
  await write(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`, 0o644);
  return { replaced };
}
