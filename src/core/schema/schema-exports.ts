import { InputError } from '../../errors.js';
import { readShippedFile, shippedPath } from '../files/shipped-files.js';
import type { BodyKind } from './body-schema-types.js';
import { exportJsonSchema } from './export-json-schema.js';

export type SchemaFormat = 'openapi' | 'json-schema' | 'typescript';

/** Where the build writes the TypeScript declarations of each body (src/build/generate-schema-types.ts). */
export function schemaTypesPath(kind: BodyKind): string {
  return shippedPath(typesFile(kind));
}

const typesFile = (kind: BodyKind) => `dist/src/schemas/types/${kind}-webhook.d.ts`;
const specFile = (kind: BodyKind) => `src/schemas/${kind}-webhook.yaml`;

/** The bundled schema of `kind` in the chosen form, as text ending in a newline. */
export async function exportBundledSchema(kind: BodyKind, format: SchemaFormat): Promise<string> {
  if (format === 'typescript') return readShipped(typesFile(kind));
  const text = await readShipped(specFile(kind));
  if (format === 'openapi') return text;
  return `${JSON.stringify(await bundledJsonSchema(kind, text), null, 2)}\n`;
}

/** The body of a bundled schema as one self-contained JSON Schema (docs/schema-policy.md). */
export async function bundledJsonSchema(kind: BodyKind, text?: string): Promise<Record<string, unknown>> {
  const { parse } = await import('yaml');
  const document: unknown = parse(text ?? (await readShipped(specFile(kind))));
  return exportJsonSchema(document, kind);
}

async function readShipped(relative: string): Promise<string> {
  const bytes = await readShippedFile(relative);
  if (bytes === undefined)
    throw new InputError(
      `${shippedPath(relative)} is missing from this installation`,
      'Reinstall tc-webhook',
    );
  return bytes.toString('utf8');
}
