import type { ErrorObject, Format } from 'ajv';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import { InputError } from '../../errors.js';
import { isDraft2020, type JsonSchema, type SpecDialect } from './body-schema-types.js';
import { cacheKey, type SchemaCache } from './schema-cache.js';
import { isAbsoluteUri, isLocalDateTime, isLocalTime } from './webhook-formats.js';

export type CompiledSchema = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
export interface SchemaCompiler {
  (schema: JsonSchema): Promise<CompiledSchema>;
  /** The cache key a schema compiles under (what `fromKey` takes). */
  keyOf(schema: JsonSchema): string;
  /** A validator compiled earlier, found by its key alone: no schema needed. Undefined on a miss. */
  fromKey(key: string): Promise<CompiledSchema | undefined>;
}

type Flavour = 'draft-07' | '2019-09' | '2020-12';

/** How compiled code refers to the formats; resolved by the require passed to cached code. */
const FORMATS_MODULE = 'tc-webhook:formats';
const require = createRequire(import.meta.url);

/**
 * Compiles schemas with ajv (all errors, formats of the webhook payloads) and keeps the
 * generated code in the cache, so that later runs skip ajv's compiler entirely. OpenAPI 3.1 is
 * JSON Schema 2020-12; Swagger 2.0 and OpenAPI 3.0 compile as draft 7, or as 2019-09 when
 * --strict needs `unevaluatedProperties`.
 */
export function createSchemaCompiler(
  dialect: SpecDialect,
  display: string,
  cache?: SchemaCache,
): SchemaCompiler {
  const instances = new Map<Flavour, Promise<AjvLike>>();
  const flavourOf = (source: string): Flavour =>
    isDraft2020(dialect) ? '2020-12' : source.includes('"unevaluatedProperties"') ? '2019-09' : 'draft-07';
  // A schema is stringified once, however often its key is asked for (compiling, then noting it).
  const identities = new WeakMap<JsonSchema, { flavour: Flavour; key: string }>();
  const identify = (schema: JsonSchema) => {
    let found = identities.get(schema);
    if (!found) {
      const source = JSON.stringify(schema);
      const flavour = flavourOf(source);
      found = { flavour, key: validatorKey(flavour, source) };
      identities.set(schema, found);
    }
    return found;
  };
  const fromKey = async (key: string): Promise<CompiledSchema | undefined> => {
    const code = await cache?.read(key, 'cjs');
    if (code === undefined) return undefined;
    const codeCache = await cache?.readCodeCache?.(key);
    const loaded = loadCompiledCode(code, codeCache);
    if (!loaded) return undefined;
    const keep = cache?.writeCodeCache;
    if (!keep || (codeCache !== undefined && !loaded.script.cachedDataRejected)) return loaded.validate;
    return keepCodeCacheAfterFirstUse(loaded, (data) => keep(key, data));
  };
  const compile = async (schema: JsonSchema): Promise<CompiledSchema> => {
    const { flavour, key } = identify(schema);
    const loaded = await fromKey(key);
    if (loaded) return loaded;
    let ajv = instances.get(flavour);
    if (!ajv) instances.set(flavour, (ajv = createAjv(flavour)));
    const instance = await ajv;
    let validate: CompiledSchema;
    try {
      validate = instance.compile(schema) as CompiledSchema;
    } catch (error) {
      throw new InputError(
        `the body schema in ${display} is not a valid JSON Schema: ${(error as Error).message}`,
        'Fix the schema in the spec',
      );
    }
    if (cache) {
      const { default: standalone } = await import('ajv/dist/standalone/index.js');
      await cache.write(key, 'cjs', standalone.default(instance as never, validate as never));
    }
    return validate;
  };
  return Object.assign(compile, {
    keyOf: (schema: JsonSchema) => identify(schema).key,
    fromKey,
  });
}

/**
 * The validator, which after its first run hands V8's compiled form of its code to `keep`: by then
 * the functions a payload needs are compiled, and the next run on this Node.js version loads them
 * without parsing or compiling the code again.
 */
function keepCodeCacheAfterFirstUse(
  loaded: { validate: CompiledSchema; script: Script },
  keep: (data: Buffer) => Promise<void>,
): CompiledSchema {
  const inner = loaded.validate;
  let kept = false;
  const validate: CompiledSchema = (data) => {
    const valid = inner(data);
    validate.errors = inner.errors;
    if (!kept) {
      kept = true;
      keep(loaded.script.createCachedData()).catch(() => undefined);
    }
    return valid;
  };
  return validate;
}

const ajvVersion = () => (require('ajv/package.json') as { version: string }).version;

/**
 * ajv's options, one object for compiling and for the cache key: a validator compiled with other
 * options (say, without `allErrors`) is another validator, found under another key.
 */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: false,
  logger: false,
  messages: false,
  // The schema is generated from the spec; compiling the meta-schema to check it costs more than it finds.
  validateSchema: false,
  // Shared definitions compile to one function each instead of a copy at every use.
  inlineRefs: false,
} as const;

/** The cache key of the validator of `source` (a JSON Schema as text) compiled as `flavour`. */
export function validatorKey(
  flavour: string,
  source: string,
  options: Readonly<Record<string, unknown>> = AJV_OPTIONS,
): string {
  const formats = Object.keys(webhookFormats()).sort().join(',');
  return cacheKey('validator', flavour, `ajv ${ajvVersion()}`, JSON.stringify(options), formats, source);
}

interface AjvLike {
  compile(schema: object): unknown;
}

async function createAjv(flavour: Flavour): Promise<AjvLike> {
  const module =
    flavour === '2020-12'
      ? await import('ajv/dist/2020.js')
      : flavour === '2019-09'
        ? await import('ajv/dist/2019.js')
        : await import('ajv');
  const { _ } = module;
  const AjvClass = module.default.default;
  return new AjvClass({
    ...AJV_OPTIONS,
    formats: webhookFormats(),
    code: { source: true, formats: _`require(${FORMATS_MODULE})` },
  });
}

function webhookFormats(): Record<string, Format> {
  const { fullFormats } = require('ajv-formats/dist/formats') as { fullFormats: Record<string, Format> };
  return { ...fullFormats, time: isLocalTime, 'local-date-time': isLocalDateTime, uri: isAbsoluteUri };
}

/**
 * Evaluates cached standalone validator code (CommonJS) with ajv's runtime helpers and our formats.
 * This is the one place that turns text into code, and it is what ajv itself does when it compiles
 * (https://ajv.js.org/security.html): the text is ajv's own standalone output
 * (https://ajv.js.org/standalone.html), written by this tool either into the package at build time
 * or into a cache folder used only when the user owns it and others cannot write to it (see
 * schema-cache.ts), and found only under a key that hashes the exact schema and ajv version.
 * Skipping ajv's compiler is the point: it is most of a cold `validate` run.
 *
 * `codeCache` is V8's compiled form of the same text, made by the package build
 * (precompile-bundled-schemas.ts): V8 checks that it belongs to this text and this V8 version and
 * otherwise ignores it, so it only ever saves the parse and first compile of a large function.
 */
export function loadCompiledCode(
  code: string,
  codeCache?: Buffer,
): { validate: CompiledSchema; script: Script } | undefined {
  try {
    const module = { exports: {} as unknown };
    const formats = webhookFormats();
    const requireFor = (id: string): unknown => (id === FORMATS_MODULE ? formats : require(id));
    const script = new Script(`(function (require, module, exports) {${code}\n})`, {
      filename: 'tc-webhook-validator.cjs',
      ...(codeCache ? { cachedData: codeCache } : {}),
    });
    const evaluate = script.runInThisContext() as (
      require: (id: string) => unknown,
      module: { exports: unknown },
      exports: unknown,
    ) => void;
    evaluate(requireFor, module, module.exports);
    return typeof module.exports === 'function'
      ? { validate: module.exports as CompiledSchema, script }
      : undefined;
  } catch {
    return undefined;
  }
}
