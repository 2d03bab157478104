import { readFile } from 'node:fs/promises';
import $RefParser from '@apidevtools/json-schema-ref-parser';
import { parse } from 'yaml';
import type { JsonSchema } from '../../../src/core/txml/index.js';
import { ROOT } from '../../helpers/run-cli.js';

export interface BundledSchemas {
  order: JsonSchema;
  shipment: JsonSchema;
}

let loading: Promise<BundledSchemas> | undefined;

/** The request body schema of the POST operation of a bundled Swagger 2.0 document, dereferenced. */
async function loadBody(file: string): Promise<JsonSchema> {
  const document = parse(await readFile(`${ROOT}/src/schemas/${file}`, 'utf8')) as JsonSchema;
  const resolved = await $RefParser.dereference<{
    paths: Record<string, { post: { parameters: { schema: JsonSchema }[] } }>;
  }>(document);
  const [path] = Object.values(resolved.paths);
  return path!.post.parameters[0]!.schema;
}

export function loadBundledSchemas(): Promise<BundledSchemas> {
  loading ??= Promise.all([loadBody('order-webhook.yaml'), loadBody('shipment-webhook.yaml')]).then(
    ([order, shipment]) => ({ order, shipment }),
  );
  return loading;
}

/** The parsed, not dereferenced, bundled documents (for checks on the documents themselves). */
export async function readBundledDocuments(): Promise<Record<string, JsonSchema>> {
  const files = ['order-webhook.yaml', 'shipment-webhook.yaml'];
  const texts = await Promise.all(files.map((file) => readFile(`${ROOT}/src/schemas/${file}`, 'utf8')));
  return Object.fromEntries(files.map((file, i) => [file, parse(texts[i]!) as JsonSchema]));
}
