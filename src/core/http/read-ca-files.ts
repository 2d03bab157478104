import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../../errors.js';

/** Each --ca file as PEM text, added to the public roots by the delivery agent. */
export async function readCaFiles(paths: string[], cwd: string): Promise<string[]> {
  return Promise.all(
    paths.map(async (path) => {
      let text: string;
      try {
        text = await readFile(resolve(cwd, path), 'utf8');
      } catch (error) {
        const code = (error as { code?: string }).code;
        const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code;
        throw new InputError(`cannot read --ca ${path}${reason ? `: ${reason}` : ''}`, 'Give a PEM file');
      }
      if (!text.includes('-----BEGIN CERTIFICATE-----')) {
        throw new InputError(
          `--ca ${path} holds no PEM certificate`,
          'Give a PEM file (-----BEGIN CERTIFICATE-----)',
        );
      }
      return text;
    }),
  );
}
