import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../errors.js';
import type { BodyKind } from './body-schema-types.js';
import { exportJsonSchema } from './export-json-schema.js';
import { bundledSchemaPath } from './load-body-schema.js';

export type SchemaFormat = 'openapi' | 'json-schema' | 'typescript';

/** Where the build writes the TypeScript declarations of each body (src/build/generate-schema-types.ts). */
export function schemaTypesPath(kind: BodyKind): string {
  return fileURLToPath(new URL(`../../schemas/types/${kind}-webhook.d.ts`, import.meta.url));
}

/** The bundled schema of `kind` in the chosen form, as text ending in a newline. */
export async function exportBundledSchema(kind: BodyKind, format: SchemaFormat): Promise<string> {
  if (format === 'typescript') return readShipped(schemaTypesPath(kind));
  const text = await readShipped(bundledSchemaPath(kind));
  if (format === 'openapi') return text;
  return `${JSON.stringify(await bundledJsonSchema(kind, text), null, 2)}\n`;
}

/** The body of a bundled schema as one self-contained JSON Schema (docs/schema-policy.md). */
export async function bundledJsonSchema(kind: BodyKind, text?: string): Promise<Record<string, unknown>> {
  const { parse } = await import('yaml');
  const document: unknown = parse(text ?? (await readShipped(bundledSchemaPath(kind))));
  return exportJsonSchema(document, kind);
}

async function readShipped(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new InputError(`${path} is missing from this installation`, 'Reinstall tc-webhook');
  }
}
