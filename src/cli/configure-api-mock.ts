import type { Command } from '@commander-js/extra-typings';
import {
  apiCredentialsOf,
  DEFAULT_LINK_TTL_SECONDS,
  requireApiCredentials,
  seconds,
} from './documents-api-flags.js';
import { port, positiveInt } from './flags.js';
import { watchInterrupt } from './interrupt.js';
import type { CliRuntime } from './runtime.js';
import { ExitCode } from '../errors.js';
import type { ApiMockOptions } from '../commands/api-mock.js';

export function configureApiMock(command: Command, rt: CliRuntime): void {
  command
    .option('--port <n>', 'port to listen on (0: any free port)', port('--port'), 8444)
    .option('--host <addr>', 'address to listen on (0.0.0.0: every interface)', '127.0.0.1')
    .option('--cert <file>', 'PEM certificate chain to serve HTTPS with')
    .option('--key <file>', 'PEM private key of --cert')
    .option('--http', 'serve plain HTTP (the integration runs on this machine, or behind a tunnel)', false)
    .option(
      '--link-ttl <s>',
      'seconds a download link stays valid after the metadata call',
      seconds('--link-ttl', 1),
      DEFAULT_LINK_TTL_SECONDS,
    )
    .option('--api-username <name>', 'user name accepted at login (or TC_WEBHOOK_API_USERNAME)')
    .option('--api-password <secret>', 'password accepted at login (or TC_WEBHOOK_API_PASSWORD)')
    .option('--timeout <ms>', 'bound on slow requests, in milliseconds', positiveInt('--timeout'), 10000)
    .option('--json', 'one JSON object per line on stdout (NDJSON)', false)
    .addHelpText(
      'after',
      '\nAnswers GET /v2/authentication/login, GET /v2/object-storage/document/{objectId}/metadata (any\nwell-formed objectId), the pre-signed download links it hands out, and url-only documents under /files/.\nStops on Ctrl-C or SIGTERM and prints a summary on stderr. Exit 0 when stopped, 2 when it could not start.',
    )
    .action(async (o) => {
      const ctx = await rt.context(o.json);
      const credentials = requireApiCredentials(apiCredentialsOf(o, rt.io.env), 'api-mock');
      const options: ApiMockOptions = {
        ...(o.cert ? { cert: o.cert } : {}),
        ...(o.key ? { key: o.key } : {}),
        http: o.http,
        port: o.port,
        host: o.host,
        linkTtlSeconds: o.linkTtl,
        ...credentials,
        timeoutMs: o.timeout,
      };
      // Ctrl-C and SIGTERM stop it (a second Ctrl-C ends it at once).
      const interrupt = watchInterrupt(rt.io, { sigterm: true });
      try {
        const { apiMockCommand } = await import('../commands/api-mock.js');
        const human = await import('../report/api-mock-human.js');
        await (await import('../report/palette.js')).preparePalette(ctx.color);
        const renderRequest = human.apiMockRequestRenderer({ color: ctx.color });
        const summary = await apiMockCommand(options, ctx, {
          stop: interrupt.signal,
          onStart: (start) => {
            rt.io.stderr.write(human.renderApiMockStart(start));
            if (o.json) rt.io.stdout.write(human.renderApiMockJson({ record: 'listening', start }));
          },
          onRequest: (activity) =>
            rt.io.stdout.write(
              o.json ? human.renderApiMockJson({ record: 'request', activity }) : renderRequest(activity),
            ),
        });
        if (o.json) rt.io.stdout.write(human.renderApiMockJson({ record: 'summary', summary }));
        rt.io.stderr.write(human.renderApiMockSummary(summary));
        rt.exit(ExitCode.passed);
      } finally {
        interrupt.dispose();
      }
    });
}
