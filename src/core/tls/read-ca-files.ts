import { resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { describeFsError, fsErrorCode } from '../files/describe-fs-error.js';
import { nodeCrypto } from '../node-crypto.js';
import { pemToDer } from './der-certificate.js';
import type { ExtraCa } from '../net/trust-store.js';

/**
 * Every certificate trusted besides the public roots: the --ca files, then the file named by
 * NODE_EXTRA_CA_CERTS (Node's convention: it counts like --ca, for every connection of every
 * command). `envFile` is that variable's value.
 */
export async function readTrustedCas(
  files: readonly string[],
  cwd: string,
  envFile: string | undefined,
): Promise<ExtraCa[]> {
  const extra: ExtraCa[] = [];
  for (const file of files)
    for (const pem of await readCaFiles([file], cwd)) extra.push({ pem, source: '--ca', file });
  if (envFile)
    for (const pem of await readCaFiles([envFile], cwd, 'NODE_EXTRA_CA_CERTS file'))
      extra.push({ pem, source: 'NODE_EXTRA_CA_CERTS', file: envFile });
  return extra;
}

/**
 * Every `--ca` file, read once for every command: each certificate must parse, so a corrupt PEM stops
 * check-tls, send-sample, doctor and listen alike, with the same words. Returns clean PEM
 * certificates (keys or other blocks in the file are left out).
 */
export async function readCaFiles(
  files: readonly string[],
  cwd: string,
  what = '--ca file',
): Promise<string[]> {
  const fix =
    what === '--ca file'
      ? 'Pass the path of a PEM file with your CA certificate(s)'
      : 'Point NODE_EXTRA_CA_CERTS at a PEM file with CA certificate(s), or unset it';
  const pems: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      const { readFile } = await import('node:fs/promises');
      text = await readFile(resolve(cwd, file), 'utf8');
    } catch (error) {
      throw new InputError(`cannot read ${what} "${file}": ${describeFsError(error)}`, fix, {
        code: fsErrorCode(error),
      });
    }
    const ders = pemToDer(text);
    if (ders.length === 0) {
      throw new InputError(
        `${what} "${file}" contains no PEM certificate`,
        'Pass a PEM file with blocks that start with -----BEGIN CERTIFICATE-----',
      );
    }
    // node:crypto is loaded here, not at start-up: most runs name no CA file.
    const { X509Certificate } = nodeCrypto();
    for (const der of ders) {
      try {
        pems.push(new X509Certificate(der).toString());
      } catch {
        throw new InputError(
          `${what} "${file}" holds a certificate that cannot be read`,
          'Check that the file is an intact PEM certificate (openssl x509 -in FILE -noout -text)',
        );
      }
    }
  }
  return pems;
}
