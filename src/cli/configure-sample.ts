import type { Command } from '@commander-js/extra-typings';
import { EVENT_CATALOG } from '../core/model/event-catalog.js';
import { formatOption, positiveInt, typeOption } from './flags.js';
import { addEventOptions, eventsOf } from './event-flags.js';
import { addOverrideOptions, overridesFrom } from './override-flags.js';
import type { CliRuntime } from './runtime.js';

/** `sample` prints the body itself, not a report: it is meant to be saved and replayed. */
export function configureSample(command: Command, rt: CliRuntime): void {
  addEventOptions(
    command.addOption(typeOption()),
    'event name, e.g. OrderLinesAcceptedBySupplier; given several, the first is printed',
  )
    .addOption(formatOption())
    .option('--seed <n>', 'same seed, same bytes', positiveInt('--seed', 0))
    .addHelpText('after', () => {
      // Data only (no dependencies), so listing the names costs nothing at start-up.
      const { order, 'order-documents': documents, shipment } = EVENT_CATALOG;
      const list = (title: string, names: readonly string[]) => `\n${title}:\n  ${names.join('\n  ')}\n`;
      return (
        list('Order events (--type order or single-delivery; order is inferred from the name)', order) +
        list('Order documents events (--type order-documents)', documents) +
        list('Shipment events (--type shipment)', shipment) +
        '\nWithout --event: the first event of the type. Without --type: inferred from --event, else order.\n'
      );
    })
    .action(async (o) => {
      const overrides = await overridesFrom(o, rt.io.cwd);
      const { sampleCommand } = await import('../commands/sample.js');
      const body = await sampleCommand(
        {
          type: o.type,
          events: eventsOf(o),
          format: o.format,
          seed: o.seed,
          overrides,
        },
        await rt.context(false),
      );
      rt.io.stdout.write(body.endsWith('\n') ? body : `${body}\n`);
    });
  addOverrideOptions(command);
}
