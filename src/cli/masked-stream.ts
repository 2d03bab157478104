import type { Writable } from 'node:stream';
import type { SecretMasker } from '../core/http/mask-secrets.js';

/**
 * The stream as it is, except that everything written passes through the run's masker first: every
 * output path (reports, --json, --verbose, warnings, error lines, listen's log, progress) is masked
 * by construction, not by each writer remembering to.
 */
export function maskedStream<T extends Writable>(stream: T, masker: SecretMasker): T {
  const write = (chunk: unknown, ...rest: unknown[]) => {
    const text =
      typeof chunk === 'string'
        ? masker.mask(chunk)
        : Buffer.isBuffer(chunk)
          ? Buffer.from(masker.mask(chunk.toString('utf8')), 'utf8')
          : chunk;
    return (stream.write as (...args: unknown[]) => boolean)(text, ...rest);
  };
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write') return write;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
