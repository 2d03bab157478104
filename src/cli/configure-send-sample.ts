import type { Command } from '@commander-js/extra-typings';
import type { PayloadFormat, WebhookType } from '../commands/options.js';
import {
  addAuthOptions,
  addOverrideOptions,
  overridesFrom,
  addMaxSizeOption,
  addNetworkOptions,
  collect,
  formatOption,
  jsonFlag,
  maxSizeOf,
  positiveInt,
  networkAndAuth,
  retryDelaysFit,
  timerMs,
  typeOption,
} from './flags.js';
import type { CliRuntime } from './runtime.js';

export function configureSendSample(command: Command, rt: CliRuntime): void {
  const cmd = command
    .argument('<url>', 'your webhook endpoint, https://…')
    .addOption(typeOption())
    .option('--event <name>', 'event name, e.g. OrderIssuedByBuyer (see `tc-webhook sample --help`)')
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
    .option('--retry', "follow Tradecloud's retry policy: retry answers above 500 with back-off", false)
    .option('--max-retries <n>', 'retries per request with --retry', positiveInt('--max-retries', 0), 3)
    .option(
      '--retry-base-ms <ms>',
      'first back-off delay with --retry; doubles each time',
      timerMs('--retry-base-ms', 0),
      1000,
    )
    .option('--dry-run', 'print the requests (secrets masked) without sending', false);
  addOverrideOptions(cmd);
  addMaxSizeOption(cmd, '--file input');
  jsonFlag(addAuthOptions(addNetworkOptions(cmd))).action(async (url: string, o: Record<string, unknown>) => {
    await rt.run('send-sample', o.json as boolean, async (ctx) => {
      retryDelaysFit(o.retryBaseMs as number, o.maxRetries as number);
      const { sendSampleCommand } = await import('../commands/send-sample.js');
      return sendSampleCommand(
        {
          url,
          type: o.type as WebhookType | undefined,
          event: o.event as string | undefined,
          all: o.all as boolean,
          format: o.format as PayloadFormat,
          files: o.file as string[],
          seed: o.seed as number | undefined,
          count: o.count as number,
          concurrency: o.concurrency as number,
          retry: o.retry as boolean,
          maxRetries: o.maxRetries as number,
          retryBaseMs: o.retryBaseMs as number,
          dryRun: o.dryRun as boolean,
          overrides: await overridesFrom(o, rt.io.cwd),
          maxBytes: maxSizeOf(o),
          ...networkAndAuth(o, rt.io.env),
        },
        ctx,
      );
    });
  });
}
