import type { Command } from '@commander-js/extra-typings';
import { collect, jsonFlag } from './flags.js';
import type { CliRuntime } from './runtime.js';

export function configureDevCert(command: Command, rt: CliRuntime): void {
  const cmd = command
    .option('--dir <folder>', 'where to write the CA, the certificate and their keys', 'tc-webhook-dev-cert')
    .option(
      '--name <host>',
      'another host name or IP address to cover, besides localhost, 127.0.0.1 and ::1 (repeatable)',
      collect,
      [],
    )
    .addHelpText(
      'after',
      '\nThe CA may issue only for these names and both expire after 90 days. Keys are written with mode 0600.\n' +
        'A file in --dir that dev-cert did not make is never overwritten.\n' +
        'For local tests only: never install the CA system-wide or in NODE_EXTRA_CA_CERTS; pass it with --ca.\n',
    );
  jsonFlag(cmd).action(async (o) => {
    await rt.run('dev-cert', o.json, async (ctx) => {
      const { devCertCommand } = await import('../commands/dev-cert.js');
      return devCertCommand({ dir: o.dir, names: o.name }, ctx);
    });
  });
}
