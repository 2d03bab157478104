import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './run-cli.js';

type Validate = ((data: unknown) => boolean) & { errors?: unknown };

/** The official SARIF 2.1.0 schema (fixtures/sarif), compiled with ajv's draft-04 class and ajv-formats. */
export async function sarifSchemaValidator(): Promise<Validate> {
  const { default: Ajv04 } = (await import('ajv-draft-04')) as unknown as {
    default: new (o: object) => { compile(s: object): Validate };
  };
  const { default: addFormats } = (await import('ajv-formats')) as unknown as {
    default: (ajv: unknown) => void;
  };
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  const schema = JSON.parse(
    readFileSync(join(ROOT, 'fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'),
  ) as object;
  return ajv.compile(schema);
}
