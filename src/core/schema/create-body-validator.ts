import type { ErrorObject } from 'ajv';
import type { BodySchema, JsonSchema } from './body-schema-types.js';
import { createSchemaCompiler, type CompiledSchema, type SchemaCompiler } from './compile-schema.js';
import type { SchemaIssue } from './describe-ajv-error.js';
import { checkBodyPolicy, type PolicyFindings } from './body-policy.js';
import { NOTE_EXTENSION } from './precompiled-schemas.js';
import { cacheKey, type SchemaCache } from './schema-cache.js';
import { unescapePointerSegment } from '../text/json-pointer.js';

export interface BodyValidation {
  errors: SchemaIssue[];
  warnings: SchemaIssue[];
}

export interface BodyValidator {
  readonly body: BodySchema;
  /** Whether unknown enum values are errors (a --spec or --strict) or only warnings. */
  readonly enforcesEnums: boolean;
  /** --strict: what Tradecloud cannot send (docs/schema-policy.md) is an error, not a warning. */
  readonly strict: boolean;
  validate(data: unknown): Promise<BodyValidation>;
}

export interface ValidationPolicy {
  /** Unknown fields and unknown enum values are errors. */
  strict: boolean;
}

/**
 * Compiles the body schema once. The bundled schemas lag behind Tradecloud, so an undocumented
 * enum value is only a warning there; a spec the user passes is authoritative (enums enforced);
 * --strict also rejects unknown fields. A valid payload costs one validation pass.
 *
 * A spec seen before (the bundled ones always: the package build precompiles them) is found by
 * its own cache key: the validator is loaded without converting the spec to JSON Schema, and the
 * conversion, ajv's error descriptions and the enum-free variant load only for a payload that fails.
 */
export async function createBodyValidator(
  body: BodySchema,
  policy: ValidationPolicy,
  cache?: SchemaCache,
): Promise<BodyValidator> {
  const compile = createSchemaCompiler(body.dialect, body.specName, cache);
  const enforcesEnums = enforcesEnumsUnder(body, policy);
  let schemas: Promise<PolicySchemas> | undefined;
  const schemasOnce = () => (schemas ??= policySchemas(body, policy));
  const full = await compileFull(body, policy, compile, cache, schemasOnce);
  // Compiled on the first payload that fails; a run of valid payloads never needs it.
  let lenient: CompiledSchema | undefined;

  const describeAll = async (errors: ErrorObject[], data: unknown, asWarning = false) => {
    const { describeAjvError } = await import('./describe-ajv-error.js');
    const { full: root } = await schemasOnce();
    // Both schemas share their structure (the lenient one only lacks enums), so one lookup serves both.
    const schemaAt = (schemaPath: string) => schemaAtPointer(root, schemaPath);
    return dedupe(errors.map((e) => describeAjvError(e, data, asWarning, schemaAt)));
  };

  const validateSchema = async (data: unknown): Promise<BodyValidation> => {
    if (full(data)) return { errors: [], warnings: [] };
    const { pruneBranchErrors } = await import('./prune-branch-errors.js');
    const raw = full.errors ?? [];
    if (enforcesEnums) return { errors: await describeAll(pruneBranchErrors(raw), data), warnings: [] };
    const unknownValues = pruneBranchErrors(raw).filter((e) => e.keyword === 'enum');
    let errors: SchemaIssue[] = [];
    // Only enum mismatches: the enum-free schema would accept the payload, no second pass needed.
    if (!raw.every((e) => e.keyword === 'enum')) {
      lenient ??= await compile((await schemasOnce()).lenient());
      if (!lenient(data)) errors = await describeAll(pruneBranchErrors(lenient.errors ?? []), data);
    }
    const failed = new Set(errors.map((e) => e.path));
    const warnings = (await describeAll(unknownValues, data, true)).filter((w) => !failed.has(w.path));
    return { errors, warnings };
  };
  const validate = async (data: unknown): Promise<BodyValidation> =>
    withPolicy(await validateSchema(data), checkBodyPolicy(data), policy.strict);
  return { body, enforcesEnums, strict: policy.strict, validate };
}

/**
 * Where the package build notes a bundled spec's validator key: the spec's own key, the body and
 * the policy. Only the bundled specs have notes, and only the package's own folder keeps them
 * (NOTE_EXTENSION): the build writes them with the very code that reads them, where a note in
 * the temp-dir cache could outlive a change to the schema conversion.
 */
function validatorsNoteKey(body: BodySchema, policy: ValidationPolicy): string | undefined {
  if (body.specKey === undefined || body.source !== 'bundled') return undefined;
  return cacheKey(
    'body-validators',
    body.specKey,
    body.kind,
    body.operation,
    policy.strict ? 'strict' : 'lenient',
  );
}

interface ValidatorsNote {
  full: string;
}

/** A note as written by compileFull; anything else (a damaged file) is no note. */
function noteOf(text: string): ValidatorsNote | undefined {
  try {
    const note = JSON.parse(text) as Partial<ValidatorsNote> | null;
    return typeof note?.full === 'string' ? { full: note.full } : undefined;
  } catch {
    return undefined;
  }
}

/** The full validator: by the noted key when the spec was seen before, else converted and compiled (and noted). */
async function compileFull(
  body: BodySchema,
  policy: ValidationPolicy,
  compile: SchemaCompiler,
  cache: SchemaCache | undefined,
  schemasOnce: () => Promise<PolicySchemas>,
): Promise<CompiledSchema> {
  const noteKey = validatorsNoteKey(body, policy);
  const note = noteKey === undefined ? undefined : await cache?.read(noteKey, NOTE_EXTENSION);
  const noted = note === undefined ? undefined : noteOf(note)?.full;
  if (noted !== undefined) {
    const found = await compile.fromKey(noted).catch(() => undefined);
    if (found) return found;
  }
  const { full } = await schemasOnce();
  const compiled = await compile(full);
  if (noteKey !== undefined)
    await cache?.write(
      noteKey,
      NOTE_EXTENSION,
      JSON.stringify({ full: compile.keyOf(full) } satisfies ValidatorsNote),
    );
  return compiled;
}

/**
 * Compiles every schema a validator under this policy may need, the lenient one included, so
 * that they all land in `cache` (the package build precompiles the bundled specs with it).
 */
export async function precompileBodyValidator(
  body: BodySchema,
  policy: ValidationPolicy,
  cache: SchemaCache,
): Promise<void> {
  const compile = createSchemaCompiler(body.dialect, body.specName, cache);
  const schemas = policySchemas(body, policy);
  await compileFull(body, policy, compile, cache, () => schemas);
  if (!enforcesEnumsUnder(body, policy)) await compile((await schemas).lenient());
}

/**
 * The key the full validator of a body under a policy compiles under, which names its file in the
 * package build's precompiled folder (the validate bench loads it from there on its own).
 */
export async function fullValidatorKey(body: BodySchema, policy: ValidationPolicy): Promise<string> {
  return createSchemaCompiler(body.dialect, body.specName).keyOf((await policySchemas(body, policy)).full);
}

/** A spec the user passes is authoritative, and --strict holds the bundled one to its enums too. */
function enforcesEnumsUnder(body: BodySchema, policy: ValidationPolicy): boolean {
  return policy.strict || body.source === 'spec';
}

interface PolicySchemas {
  full: JsonSchema;
  /** Used only when unknown enum values are warnings (never when enforcesEnumsUnder the policy). */
  lenient(): JsonSchema;
}

async function policySchemas(body: BodySchema, policy: ValidationPolicy): Promise<PolicySchemas> {
  const [{ toJsonSchema }, { withNullableOptionals }, { withoutEnums, withUnknownFieldChecks }] =
    await Promise.all([
      import('./to-json-schema.js'),
      import('./nullable-optionals.js'),
      import('./schema-variants.js'),
    ]);
  const converted = toJsonSchema(body.schema, body.dialect, body.specName);
  const base = body.source === 'bundled' ? withNullableOptionals(converted) : converted;
  return {
    full: policy.strict ? withUnknownFieldChecks(base) : base,
    lenient: () => withoutEnums(base),
  };
}

/**
 * Adds the policy findings. A finding replaces what the schema said about the same value (a
 * retired event name is more than "not a documented value"); a retired `simpleOrderEvent`
 * explains the schema's "exactly one event object" error, which is then dropped.
 */
function withPolicy(found: BodyValidation, policy: PolicyFindings, strict: boolean): BodyValidation {
  if (policy.errors.length === 0 && policy.notices.length === 0) return found;
  const covered = new Set([...policy.errors, ...policy.notices].map((i) => i.path));
  const renamedBody = policy.errors.some((i) => i.path === '/simpleOrderEvent');
  const keep = (i: SchemaIssue) =>
    !covered.has(i.path) && !(renamedBody && i.path === '' && i.message.includes('orderEvent'));
  const errors = [...policy.errors, ...(strict ? policy.notices : []), ...found.errors.filter(keep)];
  const warnings = [...(strict ? [] : policy.notices), ...found.warnings.filter(keep)];
  return { errors, warnings };
}

function dedupe(issues: SchemaIssue[]): SchemaIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The subschema at an ajv schemaPath ("#/oneOf", "#/$defs/Body/oneOf"); undefined when it leaves the root document. */
function schemaAtPointer(root: JsonSchema, schemaPath: string): unknown {
  if (!schemaPath.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of schemaPath.slice(1).split('/').filter(Boolean)) {
    const key = unescapePointerSegment(decodeURIComponent(raw));
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
