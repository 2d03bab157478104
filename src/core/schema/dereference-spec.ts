import { basename } from 'node:path';
import { InputError } from '../../errors.js';
import type { SpecDocument } from './read-spec-document.js';

/**
 * Resolves every `$ref` of a spec in place (local, relative files, and http(s) with the timeout).
 * Recursive schemas stay as a circular object graph; a `$ref` that only points at itself is
 * left as `$ref` by the resolver and reported when the body schema is converted.
 */
export async function dereferenceSpec(
  spec: SpecDocument,
  display: string,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const { $RefParser } = await import('@apidevtools/json-schema-ref-parser');
  const parser = new $RefParser();
  try {
    const result = await parser.dereference(spec.location, spec.document as object, {
      resolve: {
        external: true,
        // A spec fetched from the web must not read local files through its $refs.
        ...(spec.isUrl ? { file: false } : {}),
        http: { timeout: timeoutMs },
      },
      dereference: { circular: true },
      mutateInputSchema: true,
    });
    return result as Record<string, unknown>;
  } catch (error) {
    throw describeRefError(error, display);
  }
}

interface RefParserErrorShape {
  name?: string;
  code?: string;
  message?: string;
  source?: string;
  targetRef?: string;
  ioErrorCode?: string;
}

function describeRefError(error: unknown, display: string): Error {
  const e = (error ?? {}) as RefParserErrorShape;
  const hint = 'Fix the $ref in the spec, or pass the spec that contains the definitions';
  const file = e.source ? basename(e.source.replace(/[?#].*$/, '')) : display;
  switch (e.code) {
    case 'EMISSINGPOINTER':
      return new InputError(
        `the spec ${display} has a broken $ref "${e.targetRef ?? '?'}": it points at nothing in ${file}`,
        hint,
      );
    case 'ERESOLVER':
    case 'EUNMATCHEDRESOLVER':
      return new InputError(
        `the spec ${display} has a broken $ref: cannot read ${e.source ?? 'its target'}${e.ioErrorCode ? ` (${e.ioErrorCode})` : ''}`,
        hint,
      );
    case 'EPARSER':
    case 'EUNMATCHEDPARSER':
      return new InputError(
        `the spec ${display} refers to ${file}, which cannot be parsed: ${firstLine(e.message)}`,
        hint,
      );
    case 'EINVALIDPOINTER':
      return new InputError(`the spec ${display} has an invalid $ref: ${firstLine(e.message)}`, hint);
    case 'ETIMEOUT':
      return new InputError(`resolving the $refs of ${display} took too long`, 'Simplify the spec');
    default:
      return new InputError(`cannot resolve the $refs of ${display}: ${firstLine(e.message)}`, hint);
  }
}

function firstLine(message: string | undefined): string {
  return (message ?? '').split('\n')[0] ?? '';
}
