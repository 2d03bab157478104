import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createSecureContext } from 'node:tls';
import { InputError } from '../../errors.js';
import { describeFsError, fsErrorCode } from '../files/describe-fs-error.js';

/** The --cert and --key files, checked to be PEM and a matching pair before listen starts. */
export async function readTlsPair(
  certPath: string,
  keyPath: string,
  cwd: string,
): Promise<{ cert: Buffer; key: Buffer }> {
  const read = async (path: string, flag: string): Promise<Buffer> => {
    try {
      return await readFile(resolve(cwd, path));
    } catch (error) {
      throw new InputError(
        `cannot read ${flag} ${path}: ${describeFsError(error)}`,
        'Give the PEM certificate chain and its private key',
        { code: fsErrorCode(error) },
      );
    }
  };
  const cert = await read(certPath, '--cert');
  const key = await read(keyPath, '--key');
  if (!cert.includes('-----BEGIN CERTIFICATE-----')) {
    throw new InputError(
      `--cert ${certPath} holds no PEM certificate`,
      'Give the certificate chain as PEM (-----BEGIN CERTIFICATE-----)',
    );
  }
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    const message = (error as Error).message;
    if (/mismatch/i.test(message)) {
      throw new InputError(
        `--cert ${certPath} and --key ${keyPath} are not a pair (the key does not belong to the certificate)`,
        'Give the private key of that certificate',
      );
    }
    throw new InputError(
      `cannot use --cert ${certPath} with --key ${keyPath}: ${message}`,
      'Give a PEM certificate chain and its unencrypted PEM private key',
    );
  }
  return { cert, key };
}
