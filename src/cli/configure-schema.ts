import type { Command } from '@commander-js/extra-typings';
import { Option } from './commander.js';
import type { BodyKind } from '../core/schema/body-schema-types.js';
import type { SchemaFormat } from '../core/schema/schema-exports.js';
import type { CliRuntime } from './runtime.js';

/** `schema` prints a document, not a report: it is meant to be saved or piped into a generator. */
export function configureSchema(command: Command, rt: CliRuntime): void {
  command
    .addOption(
      new Option(
        '--type <type>',
        'which webhook body: order (order, single-delivery, order documents) or shipment',
      )
        .choices(['order', 'shipment'] as const satisfies readonly BodyKind[])
        .default('order'),
    )
    .addOption(
      new Option(
        '--format <format>',
        'openapi (the Swagger 2.0 YAML as shipped), json-schema (one draft 2020-12 document, documented enums kept) or typescript (declarations)',
      )
        .choices(['openapi', 'json-schema', 'typescript'] as const satisfies readonly SchemaFormat[])
        .default('openapi'),
    )
    .addHelpText(
      'after',
      "\nThe schemas are reconstructed from Tradecloud's public documentation (see docs/webhook-payloads.md).\n" +
        'json-schema and typescript keep the documented enums: stricter than `validate`, which only warns about new values.\n',
    )
    .action(async (o) => {
      const { schemaCommand } = await import('../commands/schema.js');
      const text = await schemaCommand({ type: o.type, format: o.format });
      rt.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    });
}
