import type { Command } from '@commander-js/extra-typings';
import { InvalidArgumentError, Option } from './commander.js';
import type { WebhookType } from '../commands/options.js';
import {
  WEBHOOK_TYPES,
  addAuthOptions,
  addNetworkOptions,
  failOnOption,
  formatOption,
  jsonFlag,
  runExtrasOf,
  networkAndAuth,
  timerMs,
} from './flags.js';
import { addEventOptions, eventsOf } from './event-flags.js';
import { addOverrideOptions, overridesFrom } from './override-flags.js';
import { addRetryOptions, retryOf } from './retry-flags.js';
import { addDocumentsApiOptions, addDocumentsWaitOption, documentsApiOf } from './documents-api-flags.js';
import type { CliRuntime } from './runtime.js';

function isWebhookType(value: string): value is WebhookType {
  return (WEBHOOK_TYPES as readonly string[]).includes(value);
}

function collectType(value: string, previous: WebhookType[] | undefined): WebhookType[] {
  if (!isWebhookType(value)) {
    throw new InvalidArgumentError(`Allowed choices are ${WEBHOOK_TYPES.join(', ')}.`);
  }
  return [...(previous ?? []), value];
}

export function configureDoctor(command: Command, rt: CliRuntime): void {
  const cmd = addEventOptions(
    command
      .argument('<url>', 'your webhook endpoint, https://…')
      .addOption(
        new Option(
          '--type <type>',
          'webhook type to check (repeatable; default: inferred from --event, else order)',
        )
          .choices(WEBHOOK_TYPES)
          .argParser(collectType),
      )
      .addOption(formatOption()),
    'event names enabled in the portal (default: all of the type)',
  )
    .option('--servername <sni>', 'server name to send (SNI) and to check the certificate against')
    .option('--slow-ms <ms>', 'a delivery slower than this is a warning', timerMs('--slow-ms'), 5000)
    .option('--report <file>', 'also write the report as JUnit XML (.xml) or Markdown (.md)')
    .option('--yes', 'do not ask for confirmation before sending', false)
    .addOption(failOnOption());
  const typed = jsonFlag(
    addDocumentsWaitOption(
      addDocumentsApiOptions(addAuthOptions(addNetworkOptions(addOverrideOptions(addRetryOptions(cmd))))),
    ),
  );
  typed.action(async (url, o) => {
    const reportFile = o.report;
    let reportPath: string | undefined;
    await rt.run(
      'doctor',
      o.json,
      async (ctx) => {
        // An unusable --report name or folder is an error before anything is sent.
        if (reportFile !== undefined) {
          const { prepareReportFile } = await import('./doctor-report-file.js');
          reportPath = await prepareReportFile(reportFile, rt.io.cwd);
        }
        const documentsApi = documentsApiOf(o, rt.io.env);
        const events = eventsOf(o);
        // As send-sample: without --type, the event names say which webhooks to check.
        const types =
          o.type ?? (events ? (await import('../core/payload/events.js')).typesOfEvents(events) : ['order']);
        const { doctorCommand } = await import('../commands/doctor.js');
        return doctorCommand(
          {
            url,
            types,
            format: o.format,
            events,
            servername: o.servername,
            slowMs: o.slowMs,
            yes: o.yes,
            overrides: await overridesFrom(o, rt.io.cwd),
            ...retryOf(o),
            ...networkAndAuth(o, rt.io.env),
            ...(documentsApi ? { documentsApi } : {}),
          },
          ctx,
        );
      },
      // Written after the verdict is printed, so that a failure to write it loses nothing else.
      async (report) => {
        if (reportFile === undefined || reportPath === undefined) return;
        const { doctorFileFormat, renderDoctorFile } = await import('../report/doctor-file.js');
        const { writeReportFile } = await import('./doctor-report-file.js');
        // The report file is an output like stdout: the run's masker applies to it too.
        await writeReportFile(
          reportPath,
          rt.masker.mask(renderDoctorFile(report, doctorFileFormat(reportFile))),
        );
      },
      runExtrasOf(o),
    );
  });
}
