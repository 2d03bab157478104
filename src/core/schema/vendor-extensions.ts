import { InputError } from '../../errors.js';
import { describeFound } from './describe-value.js';
import type { SchemaNode } from './map-subschemas.js';

/**
 * Vendor extensions that let a Swagger 2.0 document say what only JSON Schema keywords can (it has
 * no oneOf, anyOf or type lists). The bundled documents use them; so may any spec. `x-nullable` is
 * handled with OpenAPI 3.0's `nullable`, next to the other translations.
 */
export const TRANSLATED_EXTENSIONS = ['x-nullable', 'x-one-of-required', 'x-any-of-formats'];

/**
 * Adds to `out` (the translated copy of `node`) the JSON Schema that the extensions of `node` stand for:
 * - `x-one-of-required: [a, b]`: exactly one of the fields is present (`oneOf` of `required` lists,
 *   so that messages name the missing field or the alternatives that clash);
 * - `x-any-of-formats: [f, g]`: a string in any of the formats, replacing `format` (`anyOf`).
 */
export function applyVendorExtensions(node: SchemaNode, out: SchemaNode, display: string): void {
  const fields = nameList(node, 'x-one-of-required', display, 'field names');
  if (fields) addComposition(out, 'oneOf', fields.map(requiredField));
  const formats = nameList(node, 'x-any-of-formats', display, 'format names');
  if (formats) {
    delete out.format;
    if (formats.length === 1) out.format = formats[0];
    else addComposition(out, 'anyOf', formats.map(withFormat));
  }
}

const requiredField = (name: string): SchemaNode => ({ required: [name] });
const withFormat = (format: string): SchemaNode => ({ format });

function nameList(node: SchemaNode, key: string, display: string, what: string): string[] | undefined {
  const value = node[key];
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v !== '')) {
    return value as string[];
  }
  throw new InputError(
    `the spec ${display} has an invalid ${key}: expected a non-empty list of ${what}, found ${describeFound(value)}`,
    `Fix ${key} in the spec`,
  );
}

/** A keyword the schema already has is kept; the new one joins it under allOf. */
function addComposition(out: SchemaNode, keyword: 'oneOf' | 'anyOf', branches: SchemaNode[]): void {
  if (out[keyword] === undefined) out[keyword] = branches;
  else out.allOf = [...(Array.isArray(out.allOf) ? (out.allOf as unknown[]) : []), { [keyword]: branches }];
}
