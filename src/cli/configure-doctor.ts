import type { Command } from 'commander';
import { InvalidArgumentError, Option } from './commander.js';
import type { PayloadFormat, WebhookType } from '../commands/options.js';
import { InputError } from '../errors.js';
import {
  WEBHOOK_TYPES,
  addAuthOptions,
  addNetworkOptions,
  formatOption,
  jsonFlag,
  networkAndAuth,
  timerMs,
} from './flags.js';
import type { CliRuntime } from './runtime.js';

function collectType(value: string, previous: string[] | undefined): string[] {
  if (!WEBHOOK_TYPES.includes(value as WebhookType)) {
    throw new InvalidArgumentError(`Allowed choices are ${WEBHOOK_TYPES.join(', ')}.`);
  }
  return [...(previous ?? []), value];
}

function splitList(value: unknown): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function configureDoctor(command: Command, rt: CliRuntime): void {
  const cmd = command
    .argument('<url>', 'your webhook endpoint, https://…')
    .addOption(
      new Option('--type <type>', 'webhook type to check (repeatable; default order)')
        .choices(WEBHOOK_TYPES)
        .argParser(collectType),
    )
    .addOption(formatOption())
    .option('--events <list>', 'comma-separated event names enabled in the portal (default: all of the type)')
    .option('--servername <sni>', 'server name to send (SNI) and to check the certificate against')
    .option('--slow-ms <ms>', 'a delivery slower than this is a warning', timerMs('--slow-ms'), 5000)
    .option('--report <file>', 'also write the report as JUnit XML (.xml) or Markdown (.md)')
    .option('--yes', 'do not ask for confirmation before sending', false);
  jsonFlag(addAuthOptions(addNetworkOptions(cmd))).action(async (url: string, o: Record<string, unknown>) => {
    await rt.run('doctor', o.json as boolean, async (ctx) => {
      const reportFile = o.report as string | undefined;
      const { doctorFileFormat, renderDoctorFile } = await import('../report/doctor-file.js');
      // An unusable --report name is a usage error before anything is sent.
      const fileFormat = reportFile === undefined ? undefined : doctorFileFormat(reportFile);
      const { doctorCommand } = await import('../commands/doctor.js');
      const report = await doctorCommand(
        {
          url,
          types: (o.type as WebhookType[] | undefined) ?? ['order'],
          format: o.format as PayloadFormat,
          events: splitList(o.events),
          servername: o.servername as string | undefined,
          slowMs: o.slowMs as number,
          yes: o.yes as boolean,
          ...networkAndAuth(o, rt.io.env),
        },
        ctx,
      );
      if (reportFile !== undefined && fileFormat !== undefined) {
        const { writeFile } = await import('node:fs/promises');
        const { resolve } = await import('node:path');
        const path = resolve(rt.io.cwd, reportFile);
        try {
          await writeFile(path, renderDoctorFile(report, fileFormat));
        } catch (error) {
          throw new InputError(
            `cannot write the report to ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
            'Check that the folder exists and is writable',
          );
        }
      }
      return report;
    });
  });
}
