import type { Command } from '@commander-js/extra-typings';
import {
  addAuthOptions,
  addMaxSizeOption,
  addNetworkOptions,
  collect,
  formatOption,
  jsonFlag,
  maxSizeOf,
  positiveInt,
  networkAndAuth,
  typeOption,
} from './flags.js';
import { addEventOptions, eventsOf } from './event-flags.js';
import { addOverrideOptions, overridesFrom } from './override-flags.js';
import { addRetryOptions, retryOf } from './retry-flags.js';
import { addDocumentsApiOptions, documentsApiOf } from './documents-api-flags.js';
import type { CliRuntime } from './runtime.js';

export function configureSendSample(command: Command, rt: CliRuntime): void {
  const cmd = addEventOptions(
    command.argument('<url>', 'your webhook endpoint, https://…').addOption(typeOption()),
    'event names, e.g. OrderIssuedByBuyer,ShipmentIssuedBySupplier (see `tc-webhook sample --help`)',
  )
    .option('--all', 'send one request per event name of the type', false)
    .addOption(formatOption())
    .option(
      '--file <path>',
      'replay a stored payload file, or every .json/.xml below a directory (recursive, as validate) instead (repeatable)',
      collect,
      [],
    )
    .option('--seed <n>', 'generate reproducible payloads', positiveInt('--seed', 0))
    .option('--count <n>', 'repeat the request set n times (burst test)', positiveInt('--count'), 1)
    .option('--concurrency <n>', 'requests in flight at once', positiveInt('--concurrency'), 1)
    .option(
      '--redeliver <n>',
      'deliver each request n more times with a byte-identical body, as after a timeout at Tradecloud',
      positiveInt('--redeliver', 0),
      0,
    )
    .option('--dry-run', 'print the requests (secrets masked) without sending', false);
  const typed = jsonFlag(
    addDocumentsApiOptions(
      addAuthOptions(
        addNetworkOptions(addMaxSizeOption(addOverrideOptions(addRetryOptions(cmd)), '--file input')),
      ),
    ),
  );
  typed.action(async (url, o) => {
    await rt.run('send-sample', o.json, async (ctx) => {
      const retry = retryOf(o);
      const documentsApi = documentsApiOf(o, rt.io.env);
      const { sendSampleCommand } = await import('../commands/send-sample.js');
      return sendSampleCommand(
        {
          url,
          type: o.type,
          events: eventsOf(o),
          all: o.all,
          format: o.format,
          files: o.file,
          seed: o.seed,
          count: o.count,
          concurrency: o.concurrency,
          ...retry,
          redeliver: o.redeliver,
          dryRun: o.dryRun,
          overrides: await overridesFrom(o, rt.io.cwd),
          maxBytes: maxSizeOf(o),
          ...networkAndAuth(o, rt.io.env),
          ...(documentsApi ? { documentsApi } : {}),
        },
        ctx,
      );
    });
  });
}
