import type { Command } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import {
  addAuthOptions,
  addNetworkOptions,
  failOnOption,
  formatOption,
  jsonFlag,
  networkAndAuth,
  positiveInt,
  runExtrasOf,
} from './flags.js';
import { addRetryOptions, retryOf } from './retry-flags.js';
import { addDocumentsApiOptions, documentsApiOf } from './documents-api-flags.js';
import type { CliRuntime } from './runtime.js';

export function configureScenario(command: Command, rt: CliRuntime): void {
  const cmd = command
    .argument('[url]', 'your webhook endpoint, https://…')
    .argument(
      '[scenario]',
      'a built-in scenario (see --list) or your own scenario file (.json, .yaml)',
      'order-lifecycle',
    )
    .option('--list', 'print the built-in scenarios and their steps', false)
    .addOption(formatOption())
    .option('--seed <n>', 'reproducible bodies: the same seed gives the same bytes', positiveInt('--seed', 0))
    .option(
      '--redeliver <n>',
      'deliver each event n more times with a byte-identical body, as after a timeout at Tradecloud',
      positiveInt('--redeliver', 0),
      0,
    )
    .option('--report <file>', 'also write the report as JUnit XML (.xml) or Markdown (.md)')
    .option('--yes', 'do not ask for confirmation before sending', false)
    .addOption(failOnOption());
  const typed = jsonFlag(addDocumentsApiOptions(addAuthOptions(addNetworkOptions(addRetryOptions(cmd)))));
  typed.action(async (url, scenario, o) => {
    const reportFile = o.report;
    let reportPath: string | undefined;
    await rt.run(
      'scenario',
      o.json,
      async (ctx) => {
        const { listScenarios, scenarioCommand } = await import('../commands/scenario.js');
        if (o.list) return listScenarios();
        if (url === undefined) {
          throw new UsageError(
            'scenario needs the URL of your endpoint',
            'Run tc-webhook scenario <url> [name|file], or --list',
          );
        }
        if (reportFile !== undefined) {
          const { prepareReportFile } = await import('./doctor-report-file.js');
          reportPath = await prepareReportFile(reportFile, rt.io.cwd);
        }
        const documentsApi = documentsApiOf(o, rt.io.env);
        return scenarioCommand(
          {
            url,
            scenario,
            format: o.format,
            seed: o.seed,
            yes: o.yes,
            redeliver: o.redeliver,
            ...retryOf(o),
            ...networkAndAuth(o, rt.io.env),
            ...(documentsApi ? { documentsApi } : {}),
          },
          ctx,
        );
      },
      async (report) => {
        if (reportFile === undefined || reportPath === undefined || 'scenarios' in report) return;
        const [{ doctorFileFormat }, { renderScenarioFile }, { writeReportFile }] = await Promise.all([
          import('../report/doctor-file.js'),
          import('../report/scenario-file.js'),
          import('./doctor-report-file.js'),
        ]);
        // The report file is an output like stdout: the run's masker applies to it too.
        await writeReportFile(
          reportPath,
          rt.masker.mask(renderScenarioFile(report, doctorFileFormat(reportFile))),
        );
      },
      runExtrasOf(o),
    );
  });
}
