import type { Command } from '@commander-js/extra-typings';
import type { OrderedLetter } from '../core/tls/grade/grade-types.js';
import { InvalidArgumentError } from './commander.js';
import { addNetworkOptions, failOnOption, jsonFlag, runExtrasOf, SARIF_OPTION } from './flags.js';
import type { CliRuntime } from './runtime.js';

// Kept here rather than imported from core/tls/grade: --help must not load the grading code.
const LETTERS: OrderedLetter[] = ['A+', 'A', 'A-', 'B', 'C', 'D', 'E', 'F'];

function minGrade(value: string): OrderedLetter {
  const letter = value.trim().toUpperCase() as OrderedLetter;
  if (!LETTERS.includes(letter)) {
    throw new InvalidArgumentError(`--min-grade must be one of ${LETTERS.join(', ')}, got "${value}".`);
  }
  return letter;
}

export function configureCheckTls(command: Command, rt: CliRuntime): void {
  const cmd = command
    .argument('<target>', 'https://host[:port][/path] or host[:port]')
    .option('--servername <sni>', 'server name to send (SNI) and to check the certificate against')
    .option('--probe-https', 'for an http:// target, also check https on port 443 of the same host', false)
    .option(
      '--grade',
      "add a letter grade estimated with SSL Labs' published rules (cipher suites, key exchange, HSTS, …)",
      false,
    )
    .option(
      '--min-grade <letter>',
      'fail (exit 1) below this grade: A+, A, A-, B, C, D, E or F (implies --grade; T and M always fail)',
      minGrade,
    )
    .addOption(failOnOption())
    .option(...SARIF_OPTION);
  jsonFlag(addNetworkOptions(cmd)).action(async (target, o) => {
    await rt.run(
      'check-tls',
      o.json,
      async (ctx) => {
        const { checkTlsCommand } = await import('../commands/check-tls.js');
        return checkTlsCommand(
          {
            target,
            servername: o.servername,
            probeHttps: o.probeHttps,
            ca: o.ca,
            timeoutMs: o.timeout,
            ...(o.proxy !== undefined ? { proxy: o.proxy } : {}),
            grade: o.grade || o.minGrade !== undefined,
            minGrade: o.minGrade,
          },
          ctx,
        );
      },
      undefined,
      runExtrasOf(o),
    );
  });
}
