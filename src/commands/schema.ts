import type { BodyKind } from '../core/schema/body-schema-types.js';
import type { SchemaFormat } from '../core/schema/schema-exports.js';

export interface SchemaOptions {
  type: BodyKind;
  format: SchemaFormat;
}

/** The bundled schema for the user's own code: as shipped, as JSON Schema, or as TypeScript. */
export async function schemaCommand(options: SchemaOptions): Promise<string> {
  const { exportBundledSchema } = await import('../core/schema/schema-exports.js');
  return exportBundledSchema(options.type, options.format);
}
