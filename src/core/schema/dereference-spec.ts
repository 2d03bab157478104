import type { FileInfo } from '@apidevtools/json-schema-ref-parser';
import { basename } from 'node:path';
import { InputError } from '../../errors.js';
import { confinedReader, type RefBounds } from './confine-refs.js';
import { parseSpecText, type SpecDocument } from './read-spec-document.js';

/**
 * Resolves every `$ref` of a spec in place: local ones, and external ones only within the spec's
 * bounds (its own folder, or its own origin for a URL; see confine-refs.ts), parsed like the spec
 * itself. Recursive schemas stay as a circular object graph; a `$ref` that only points at itself
 * is left as `$ref` by the resolver and reported when the body schema is converted.
 */
export async function dereferenceSpec(
  spec: SpecDocument,
  display: string,
  bounds: Pick<RefBounds, 'timeoutMs' | 'maxBytes' | 'fetch'>,
): Promise<Record<string, unknown>> {
  const { $RefParser } = await import('@apidevtools/json-schema-ref-parser');
  const parser = new $RefParser();
  // Our own errors, kept aside: the resolver library wraps what plugins throw in its own words.
  let stopped: InputError | undefined;
  const stop = (error: unknown): never => {
    stopped ??=
      error instanceof InputError ? error : new InputError(`cannot resolve the $refs of ${display}`);
    throw stopped;
  };
  const read = confinedReader({ ...bounds, location: spec.location, isUrl: spec.isUrl }, display);
  try {
    const result = await parser.dereference(spec.location, spec.document as object, {
      resolve: {
        external: true,
        file: false,
        http: false,
        confined: { order: 1, canRead: true, read: (file: FileInfo) => read(file.url).catch(stop) },
      },
      parse: {
        json: false,
        yaml: false,
        text: false,
        binary: false,
        spec: {
          order: 1,
          canParse: true,
          allowEmpty: false,
          parse: (file: FileInfo) => parseRefTarget(file.data, file.url, display).catch(stop),
        },
      },
      dereference: { circular: true },
      mutateInputSchema: true,
    });
    return result as Record<string, unknown>;
  } catch (error) {
    throw stopped ?? describeRefError(error, display);
  }
}

/** A referenced file is parsed as the spec is; its content never appears in a message. */
async function parseRefTarget(data: string | Buffer, url: string, display: string): Promise<unknown> {
  const text = typeof data === 'string' ? data : data.toString('utf8');
  const name = basename(url.replace(/[?#].*$/, ''));
  try {
    return await parseSpecText(text, name);
  } catch (error) {
    const where =
      error instanceof InputError ? (/ at line \d+, column \d+/.exec(error.message)?.[0] ?? '') : '';
    throw new InputError(
      `the spec ${display} refers to ${name}, which cannot be parsed as YAML or JSON${where}`,
      'Fix the $ref in the spec, or the file it points at',
    );
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

/**
 * Only the codes and the `$ref` text of the spec are used: a library message may quote the content
 * of the file a pointer went into (a TypeError naming a string value, for example).
 */
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
      return new InputError(`the spec ${display} has a broken $ref: cannot read ${file}`, hint);
    case 'EPARSER':
    case 'EUNMATCHEDPARSER':
      return new InputError(`the spec ${display} refers to ${file}, which cannot be parsed`, hint);
    case 'EINVALIDPOINTER':
      return new InputError(
        `the spec ${display} has an invalid $ref${e.targetRef ? ` "${e.targetRef}"` : ''}`,
        hint,
      );
    case 'ETIMEOUT':
      return new InputError(`resolving the $refs of ${display} took too long`, 'Simplify the spec');
    default:
      if (error instanceof RangeError) {
        return new InputError(
          `the spec ${display} is nested too deeply to resolve its $refs`,
          'Simplify the spec',
        );
      }
      if (error instanceof TypeError) {
        return new InputError(
          `cannot resolve the $refs of ${display}: a $ref points into something that is not a YAML or JSON object`,
          hint,
        );
      }
      return new InputError(`cannot resolve the $refs of ${display}`, hint);
  }
}
