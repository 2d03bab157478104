import type { ErrorObject } from 'ajv';
import type { BodySchema, JsonSchema } from './body-schema-types.js';
import { createSchemaCompiler, type CompiledSchema } from './compile-schema.js';
import { describeAjvError, type SchemaIssue } from './describe-ajv-error.js';
import { checkBodyPolicy, type PolicyFindings } from './body-policy.js';
import { withNullableOptionals } from './nullable-optionals.js';
import { pruneBranchErrors } from './prune-branch-errors.js';
import type { SchemaCache } from './schema-cache.js';
import { withoutEnums, withUnknownFieldChecks } from './schema-variants.js';
import { toJsonSchema } from './to-json-schema.js';
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
 */
export async function createBodyValidator(
  body: BodySchema,
  policy: ValidationPolicy,
  cache?: SchemaCache,
): Promise<BodyValidator> {
  const compile = createSchemaCompiler(body.dialect, body.specName, cache);
  const schemas = policySchemas(body, policy);
  const { enforcesEnums } = schemas;
  const full = await compile(schemas.full);
  // Compiled on the first payload that fails; a run of valid payloads never needs it.
  let lenient: CompiledSchema | undefined;

  // Both schemas share their structure (the lenient one only lacks enums), so one lookup serves both.
  const schemaAt = (schemaPath: string) => schemaAtPointer(schemas.full, schemaPath);
  const describeAll = (errors: ErrorObject[], data: unknown, asWarning = false) =>
    dedupe(errors.map((e) => describeAjvError(e, data, asWarning, schemaAt)));

  const validateSchema = async (data: unknown): Promise<BodyValidation> => {
    if (full(data)) return { errors: [], warnings: [] };
    const raw = full.errors ?? [];
    if (enforcesEnums) return { errors: describeAll(pruneBranchErrors(raw), data), warnings: [] };
    const unknownValues = pruneBranchErrors(raw).filter((e) => e.keyword === 'enum');
    let errors: SchemaIssue[] = [];
    // Only enum mismatches: the enum-free schema would accept the payload, no second pass needed.
    if (!raw.every((e) => e.keyword === 'enum')) {
      lenient ??= await compile(schemas.lenient());
      if (!lenient(data)) errors = describeAll(pruneBranchErrors(lenient.errors ?? []), data);
    }
    const failed = new Set(errors.map((e) => e.path));
    const warnings = describeAll(unknownValues, data, true).filter((w) => !failed.has(w.path));
    return { errors, warnings };
  };
  const validate = async (data: unknown): Promise<BodyValidation> =>
    withPolicy(await validateSchema(data), checkBodyPolicy(data), policy.strict);
  return { body, enforcesEnums, strict: policy.strict, validate };
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
  await compile(schemas.full);
  if (!schemas.enforcesEnums) await compile(schemas.lenient());
}

interface PolicySchemas {
  enforcesEnums: boolean;
  full: JsonSchema;
  /** Used only when unknown enum values are warnings (never when enforcesEnums). */
  lenient(): JsonSchema;
}

function policySchemas(body: BodySchema, policy: ValidationPolicy): PolicySchemas {
  const converted = toJsonSchema(body.schema, body.dialect, body.specName);
  const base = body.source === 'bundled' ? withNullableOptionals(converted) : converted;
  return {
    enforcesEnums: policy.strict || body.source === 'spec',
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
