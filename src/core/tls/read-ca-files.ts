import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { describeFsError, fsErrorCode } from '../files/describe-fs-error.js';
import { pemToDer } from './der-certificate.js';

/**
 * Every `--ca` file, read once for every command: each certificate must parse, so a corrupt PEM stops
 * check-tls, send-sample, doctor and listen alike, with the same words. Returns clean PEM
 * certificates (keys or other blocks in the file are left out).
 */
export async function readCaFiles(files: readonly string[], cwd: string): Promise<string[]> {
  const pems: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(resolve(cwd, file), 'utf8');
    } catch (error) {
      throw new InputError(
        `cannot read --ca file "${file}": ${describeFsError(error)}`,
        'Pass the path of a PEM file with your CA certificate(s)',
        { code: fsErrorCode(error) },
      );
    }
    const ders = pemToDer(text);
    if (ders.length === 0) {
      throw new InputError(
        `--ca file "${file}" contains no PEM certificate`,
        'Pass a PEM file with blocks that start with -----BEGIN CERTIFICATE-----',
      );
    }
    for (const der of ders) {
      try {
        pems.push(new X509Certificate(der).toString());
      } catch {
        throw new InputError(
          `--ca file "${file}" holds a certificate that cannot be read`,
          'Check that the file is an intact PEM certificate (openssl x509 -in FILE -noout -text)',
        );
      }
    }
  }
  return pems;
}
