import { CliError, InputError } from '../../errors.js';
import { readShippedFile, shippedPath } from '../files/shipped-files.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../input/read-bounded.js';
import type { BodyKind, BodySchema, SpecDialect } from './body-schema-types.js';
import { decodeSchemaGraph, encodeSchemaGraph } from './encode-schema-graph.js';
import {
  detectSpecDialect,
  findBodyOperations,
  pickBodyOperation,
  type BodyOperation,
} from './find-body-operation.js';
import { withPrecompiledSchemas } from './precompiled-schemas.js';
import type { SpecText } from './read-spec-document.js';
import { defaultCacheDir } from './cache-folder.js';
import { cacheKey, openSchemaCache, type SchemaCache } from './schema-cache.js';

export type { BodyKind, BodySchema, SpecDialect } from './body-schema-types.js';

export interface LoadBodySchemaOptions {
  kind: BodyKind;
  /** A Swagger 2.0 / OpenAPI 3.x file path or http(s) URL; the bundled schema when absent. */
  spec?: string;
  /** Bound on fetching a spec URL (and remote `$ref`s). */
  timeoutMs?: number;
  /** Size limit of the spec and of each file or URL its `$ref`s reach, in bytes. */
  maxBytes?: number;
  /** The directory a relative spec path is resolved against. */
  cwd?: string;
  /**
   * Where parsed specs are cached; a private folder under the OS temp dir by default, false for
   * none. The bundled specs are read precompiled from the package first either way.
   */
  cacheDir?: string | false;
}

const BUNDLED: Record<BodyKind, string> = {
  order: 'order-webhook.yaml',
  shipment: 'shipment-webhook.yaml',
};

/** Where the bundled schemas live: src/schemas/, next to dist/ in the installed package. */
export function bundledSchemaPath(kind: BodyKind): string {
  return shippedPath(`src/schemas/${BUNDLED[kind]}`);
}

/** The bundled schema's text, from the package (or from inside the single executable). */
async function readBundledSpec(kind: BodyKind): Promise<SpecText> {
  const bytes = await readShippedFile(`src/schemas/${BUNDLED[kind]}`);
  if (bytes === undefined) throw new InputError('missing', 'Reinstall tc-webhook');
  return { location: bundledSchemaPath(kind), isUrl: false, text: bytes.toString('utf8') };
}

/**
 * The JSON Schema of the webhook body: the request body of the spec's POST operation that fits
 * the kind (the bundled Swagger 2.0 documents unless `spec` is given). Throws InputError when
 * the spec cannot be read or used.
 */
export async function loadBodySchema(options: LoadBodySchemaOptions): Promise<BodySchema> {
  const spec = options.spec ?? bundledSchemaPath(options.kind);
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const opened = cacheDir === false ? undefined : await openSchemaCache(cacheDir);
  const bundled = options.spec === undefined;
  const cache = bundled ? withPrecompiledSchemas(opened) : opened;
  const loaded = await loadSpec(spec, bundled ? options.kind : undefined, { ...options, cache });
  return loaded.bodyFor(options.kind);
}

export interface LoadedSpec {
  location: string;
  dialect: SpecDialect;
  operations: BodyOperation[];
  bodyFor(kind: BodyKind): BodySchema;
}

interface ParsedSpec {
  dialect: SpecDialect;
  operations: BodyOperation[];
}

/**
 * Reads, checks and dereferences a spec once; `bodyFor` then picks the POST body per kind.
 * `bundledKind` names the bundled document being loaded (its problems are installation problems).
 */
export async function loadSpec(
  spec: string,
  bundledKind: BodyKind | undefined,
  options: {
    timeoutMs?: number;
    maxBytes?: number;
    cwd?: string;
    cache?: SchemaCache;
    fetch?: typeof globalThis.fetch;
  },
): Promise<LoadedSpec> {
  const display = bundledKind ? `bundled ${BUNDLED[bundledKind]}` : spec;
  const timeoutMs = options.timeoutMs ?? 10_000;
  // The limit is for the user's inputs; the bundled documents are part of the installation.
  const maxBytes = (bundledKind ? undefined : options.maxBytes) ?? DEFAULT_MAX_INPUT_BYTES;
  const fetch = options.fetch ? { fetch: options.fetch } : {};
  const shipped = bundledKind !== undefined && spec === bundledSchemaPath(bundledKind);
  const read = await (
    shipped
      ? readBundledSpec(bundledKind)
      : import('./read-spec-document.js').then(({ readSpecText }) =>
          readSpecText(spec, { cwd: options.cwd ?? '.', timeoutMs, maxBytes, ...fetch }),
        )
  ).catch((error: unknown) => {
    if (bundledKind && error instanceof InputError) {
      throw new InputError(`the ${display} schema is missing from this installation`, 'Reinstall tc-webhook');
    }
    throw error;
  });
  // Only a self-contained spec can be cached by its text alone.
  const key = options.cache && !hasExternalRefs(read.text) ? cacheKey('spec', read.text) : undefined;
  const cached = key ? decodeCachedSpec(await options.cache?.read(key, 'json')) : undefined;
  const parsed =
    cached ?? (await parseSpec(read, display, { timeoutMs, maxBytes, ...fetch }).catch(unusable(display)));
  if (key && !cached) await options.cache?.write(key, 'json', encodeSchemaGraph(parsed));
  return {
    location: read.location,
    ...parsed,
    bodyFor: (kind) => {
      const picked = pickBodyOperation(parsed.operations, kind, display);
      return {
        kind,
        source: bundledKind ? 'bundled' : 'spec',
        specLocation: read.location,
        specName: display,
        schema: picked.schema,
        dialect: parsed.dialect,
        operation: picked.operation,
        ...(key ? { specKey: key } : {}),
      };
    },
  };
}

async function parseSpec(
  read: SpecText,
  display: string,
  bounds: { timeoutMs: number; maxBytes: number; fetch?: typeof globalThis.fetch },
): Promise<ParsedSpec> {
  // Loaded only when a spec is parsed: the bundled ones come parsed with the package.
  const [{ parseSpecText }, { dereferenceSpec }] = await Promise.all([
    import('./read-spec-document.js'),
    import('./dereference-spec.js'),
  ]);
  const document = await parseSpecText(read.text, display);
  const dialect = detectSpecDialect(document, display);
  const doc = await dereferenceSpec({ ...read, document }, display, bounds);
  const operations = findBodyOperations(doc, dialect);
  pickBodyOperation(operations, 'order', display); // fails now, not per file, when there is none
  return { dialect, operations };
}

/**
 * Whatever else goes wrong with a spec is a spec that cannot be used: one line, never an internal
 * error; the message of an unexpected error is left out, as it may quote the spec's content.
 */
function unusable(display: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof CliError) throw error;
    const why = error instanceof RangeError ? 'it is nested too deeply' : 'its content cannot be used';
    throw new InputError(
      `cannot use the spec ${display}: ${why}`,
      'Check that it is an OpenAPI document or a JSON Schema',
      {
        cause: error,
      },
    );
  };
}

/** A damaged entry (a full disk, a hand edit) counts as a miss: the spec is parsed again. */
function decodeCachedSpec(text: string | undefined): ParsedSpec | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = decodeSchemaGraph(text) as Partial<ParsedSpec> | null;
    return parsed && typeof parsed.dialect === 'string' && Array.isArray(parsed.operations)
      ? (parsed as ParsedSpec)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A `$ref` whose value does not start with `#` points at another file or URL. */
function hasExternalRefs(text: string): boolean {
  for (const m of text.matchAll(/\$ref["']?\s*:\s*["']?([^"'\s,}]*)/g)) {
    if (!(m[1] ?? '').startsWith('#')) return true;
  }
  return false;
}
