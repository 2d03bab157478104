import type { Command } from 'commander';
import { addNetworkOptions, jsonFlag } from './flags.js';
import type { CliRuntime } from './runtime.js';

export function configureCheckTls(command: Command, rt: CliRuntime): void {
  const cmd = command
    .argument('<target>', 'https://host[:port][/path] or host[:port]')
    .option('--servername <sni>', 'server name to send (SNI) and to check the certificate against')
    .option('--probe-https', 'for an http:// target, also check https on port 443 of the same host', false);
  jsonFlag(addNetworkOptions(cmd)).action(async (target: string, o: Record<string, unknown>) => {
    await rt.run('check-tls', o.json as boolean, async (ctx) => {
      const { checkTlsCommand } = await import('../commands/check-tls.js');
      return checkTlsCommand(
        {
          target,
          servername: o.servername as string | undefined,
          probeHttps: o.probeHttps as boolean,
          ca: o.ca as string[],
          timeoutMs: o.timeout as number,
        },
        ctx,
      );
    });
  });
}
