import type { BodyKind } from '../schema/body-schema-types.js';
import { createBodyValidator, type BodyValidator } from '../schema/create-body-validator.js';
import { bundledSchemaPath, loadSpec, type LoadedSpec } from '../schema/load-body-schema.js';
import { withPrecompiledSchemas } from '../schema/precompiled-schemas.js';
import { openSchemaCache } from '../schema/schema-cache.js';

export interface SchemaUse {
  type: BodyKind;
  source: 'bundled' | 'spec';
  /** The spec file or URL (absent for the bundled schemas). */
  spec?: string;
  operation: string;
}

export interface ValidatorProvider {
  validatorFor: (kind: BodyKind) => Promise<BodyValidator>;
  /** The schemas actually used, in the order they were first needed. */
  used(): SchemaUse[];
}

export interface ProvideValidatorsOptions {
  spec?: string;
  strict: boolean;
  timeoutMs: number;
  cwd: string;
  /** Size limit of the spec and each file or URL its `$ref`s reach, in bytes. */
  maxBytes?: number;
  /**
   * Where parsed specs and compiled validators are kept between runs; none when absent. The
   * bundled specs come precompiled with the package and need it only when those are stale.
   */
  cacheDir?: string;
  /** Fetches a spec URL and its `$ref`s (through a proxy, when one applies); the global fetch by default. */
  fetch?: typeof globalThis.fetch;
}

/**
 * Compiles each kind's schema on first use, once per run. A --spec is read, checked and
 * compiled up front so that an unusable spec stops the run before any payload is judged.
 */
export async function provideValidators(
  options: ProvideValidatorsOptions,
  firstKind: BodyKind | undefined,
): Promise<ValidatorProvider> {
  const given = options.spec;
  const opened = options.cacheDir === undefined ? undefined : await openSchemaCache(options.cacheDir);
  const cache = given === undefined ? withPrecompiledSchemas(opened) : opened;
  const loadOptions = { ...options, cache };
  const specs = new Map<BodyKind | 'spec', Promise<LoadedSpec>>();
  const validators = new Map<BodyKind, Promise<BodyValidator>>();
  const ready = new Map<BodyKind, BodyValidator>();

  const specFor = (kind: BodyKind): Promise<LoadedSpec> => {
    const key = given === undefined ? kind : 'spec';
    let loaded = specs.get(key);
    if (!loaded) {
      loaded =
        given === undefined
          ? loadSpec(bundledSchemaPath(kind), kind, loadOptions)
          : loadSpec(given, undefined, loadOptions);
      specs.set(key, loaded);
    }
    return loaded;
  };
  const validatorFor = (kind: BodyKind): Promise<BodyValidator> => {
    let validator = validators.get(kind);
    if (!validator) {
      validator = specFor(kind)
        .then((spec) => createBodyValidator(spec.bodyFor(kind), { strict: options.strict }, cache))
        .then((compiled) => {
          ready.set(kind, compiled);
          return compiled;
        });
      validators.set(kind, validator);
    }
    return validator;
  };

  if (given !== undefined) {
    const spec = await specFor('order');
    await validatorFor(firstKind ?? spec.operations[0]?.fits ?? 'order');
  }
  return {
    validatorFor,
    used: () =>
      [...ready.values()].map(({ body }) => ({
        type: body.kind,
        source: body.source,
        ...(body.source === 'spec' ? { spec: given } : {}),
        operation: body.operation,
      })),
  };
}
