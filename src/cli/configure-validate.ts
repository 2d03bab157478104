import type { Command } from '@commander-js/extra-typings';
import { Option } from './commander.js';
import {
  addMaxSizeOption,
  failOnOption,
  jsonFlag,
  maxSizeOf,
  pathArguments,
  positiveInt,
  PROXY_OPTION,
  runExtrasOf,
  SARIF_OPTION,
  timerMs,
} from './flags.js';
import type { CliRuntime } from './runtime.js';

export function configureValidate(command: Command, rt: CliRuntime): void {
  const cmd = command
    .argument(
      '<file...>',
      'files or directories (every .json/.xml inside); - reads stdin',
      pathArguments('file or directory'),
    )
    .addOption(
      new Option('--type <type>', 'which webhook: auto (from the top-level fields), order or shipment')
        .choices(['auto', 'order', 'shipment'] as const)
        .default('auto'),
    )
    .option('--spec <path|url>', "validate against this OpenAPI document (e.g. Tradecloud's specs.yaml)")
    .option('--strict', 'unknown fields and unknown enum values are errors', false)
    .option(
      '--only-failed',
      'list only files with an error or a warning (the summary counts every file)',
      false,
    )
    .option(
      '--max-errors <n>',
      'errors listed per file before the rest are counted',
      positiveInt('--max-errors'),
      20,
    )
    .option('--timeout <ms>', 'bound on fetching a --spec URL, in milliseconds', timerMs('--timeout'), 10000)
    .option(...PROXY_OPTION)
    .addOption(failOnOption())
    .option(...SARIF_OPTION);
  const typed = jsonFlag(addMaxSizeOption(cmd, 'input (payload file, stdin, --spec and its $refs)'));
  typed.action(async (files, o) => {
    await rt.run(
      'validate',
      o.json,
      async (ctx) => {
        const { validateCommand } = await import('../commands/validate.js');
        return validateCommand(
          {
            files,
            type: o.type,
            spec: o.spec,
            strict: o.strict,
            onlyFailed: o.onlyFailed,
            maxErrors: o.maxErrors,
            timeoutMs: o.timeout,
            maxBytes: maxSizeOf(o),
            ...(o.proxy !== undefined ? { proxy: o.proxy } : {}),
          },
          ctx,
        );
      },
      undefined,
      runExtrasOf(o),
    );
  });
}
