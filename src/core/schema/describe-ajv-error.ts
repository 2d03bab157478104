import type { ErrorObject } from 'ajv';
import { appendPointer } from '../text/json-pointer.js';
import { levenshtein } from '../text/levenshtein.js';
import { describeFound, describeTypes, quote, valueAtPointer } from './describe-value.js';
import { FORMAT_DESCRIPTIONS } from './webhook-formats.js';

export interface SchemaIssue {
  /** JSON pointer of the offending value (the object, for a missing field). */
  path: string;
  /**
   * The rule that was broken, stable for scripts and SARIF: the JSON Schema keyword (`required`,
   * `enum`, …) or the name of a policy rule (docs/schema-policy.md, Finding keywords).
   */
  keyword: string;
  message: string;
  /** JSON pointer of the value to point at in the source. */
  anchor: string;
}

type Params = Record<string, unknown>;

/** One ajv error in plain words: what was expected and what was found. */
export function describeAjvError(
  error: ErrorObject,
  data: unknown,
  asWarning = false,
  schemaAt?: (schemaPath: string) => unknown,
): SchemaIssue {
  const at = error.instancePath;
  const p = error.params as Params;
  const found = () => describeFound(valueAtPointer(data, at));
  // ajv calls a `false` subschema's error "false schema"; a keyword has no space.
  const keyword = error.keyword === 'false schema' ? 'false-schema' : error.keyword;
  const issue = (message: string, path = at): SchemaIssue => ({ path, keyword, message, anchor: path });
  switch (error.keyword) {
    case 'type':
      return issue(`must be ${describeTypes(p.type as string | string[])}, found ${found()}`);
    case 'required':
      // The path names the object that lacks the field, so that it always resolves.
      return issue(`required field "${String(p.missingProperty)}" is missing`);
    case 'format': {
      const format = String(p.format);
      return issue(`must be ${FORMAT_DESCRIPTIONS[format] ?? `in "${format}" format`}, found ${found()}`);
    }
    case 'enum':
      return issue(describeEnum(valueAtPointer(data, at), p.allowedValues as unknown[], asWarning));
    case 'const':
      return issue(`must be ${quote(p.allowedValue)}, found ${found()}`);
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = String(p.additionalProperty ?? p.unevaluatedProperty);
      return issue(`unknown field "${name}": the schema does not define it`, appendPointer(at, name));
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return issue(`must be ${String(p.comparison)} ${String(p.limit)}, found ${found()}`);
    case 'minLength':
      return issue(`must be at least ${String(p.limit)} characters long, found ${found()}`);
    case 'maxLength':
      return issue(`must be at most ${String(p.limit)} characters long, found ${found()}`);
    case 'pattern':
      return issue(`must match the pattern ${String(p.pattern)}, found ${found()}`);
    case 'minItems':
      return issue(`must have at least ${String(p.limit)} items, found ${found()}`);
    case 'maxItems':
      return issue(`must have at most ${String(p.limit)} items, found ${found()}`);
    case 'uniqueItems':
      return issue(`must not repeat items (items ${String(p.j)} and ${String(p.i)} are equal)`);
    case 'multipleOf':
      return issue(`must be a multiple of ${String(p.multipleOf)}, found ${found()}`);
    case 'minProperties':
      return issue(`must have at least ${String(p.limit)} fields`);
    case 'maxProperties':
      return issue(`must have at most ${String(p.limit)} fields`);
    case 'oneOf': {
      if (!Array.isArray(p.passingSchemas))
        return issue(`matches none of the alternatives, found ${found()}`);
      const fields = clashingFields(schemaAt?.(error.schemaPath), p.passingSchemas as number[]);
      return issue(
        fields
          ? `has ${fields.map((f) => `"${f}"`).join(' and ')}, but only one of them is allowed`
          : `matches more than one of the alternatives (${p.passingSchemas.map((i) => Number(i) + 1).join(' and ')}); it must match exactly one`,
      );
    }
    case 'anyOf':
      return issue(`matches none of the alternatives, found ${found()}`);
    case 'not':
      return issue(`must not match the excluded schema, found ${found()}`);
    case 'false schema':
      return issue('is not allowed here');
    case 'dependentRequired':
    case 'dependencies':
      return issue(`field "${String(p.property)}" requires field "${String(p.missingProperty)}"`);
    default:
      return issue(`does not satisfy "${error.keyword}", found ${found()}`);
  }
}

const LISTED = 12;

function describeEnum(value: unknown, listed: unknown[], asWarning: boolean): string {
  // A null in the list is the bundled schemas' null rule (docs/schema-policy.md), not a documented value.
  const allowed = listed.filter((v) => v !== null);
  const shown =
    allowed.length <= LISTED
      ? allowed.map(listItem).join(', ')
      : `closest: ${closest(value, allowed).map(listItem).join(', ')}; ${allowed.length} values in all`;
  const message = asWarning
    ? `${quote(value)} is not a documented value (${shown})`
    : `must be one of the allowed values (${shown}), found ${describeFound(value)}`;
  const sameLetters = caseOnlyMatch(value, allowed);
  return sameLetters === undefined
    ? message
    : `${message}; did you mean ${quote(sameLetters)}? (only the case differs)`;
}

/** The allowed value a string equals but for letter case: enum values are case-sensitive. */
function caseOnlyMatch(value: unknown, allowed: unknown[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  return allowed.find((a): a is string => typeof a === 'string' && a !== value && a.toLowerCase() === lower);
}

function listItem(value: unknown): string {
  return typeof value === 'string' ? value : quote(value);
}

function closest(value: unknown, allowed: unknown[]): unknown[] {
  const { distance } = levenshtein();
  const text = String(value);
  return allowed
    .map((a) => ({ a, d: distance(text.toLowerCase(), String(a).toLowerCase()) }))
    .sort((x, y) => x.d - y.d)
    .slice(0, 3)
    .map((x) => x.a);
}

/**
 * For a oneOf whose branches each only require one field (the webhook envelope: exactly one of
 * orderEvent, singleDeliveryOrderEvent, orderDocumentsEvent), the fields that were all present.
 */
function clashingFields(oneOf: unknown, passing: number[]): string[] | undefined {
  if (!Array.isArray(oneOf)) return undefined;
  const fields = passing.map((i) => {
    const required = (oneOf[i] as { required?: unknown } | undefined)?.required;
    return Array.isArray(required) && required.length === 1 ? String(required[0]) : undefined;
  });
  return fields.every((f) => f !== undefined) ? fields : undefined;
}
