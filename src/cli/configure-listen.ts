import type { Command } from '@commander-js/extra-typings';
import { InvalidArgumentError, Option } from './commander.js';
import { authFlagsGiven, collect, port, positiveInt, PROXY_OPTION } from './flags.js';
import { inferAuth } from '../core/http/infer-auth.js';
import { watchInterrupt } from './interrupt.js';
import type { CliRuntime } from './runtime.js';
import { ExitCode } from '../errors.js';
import type { ListenOptions } from '../core/listen/listen-types.js';

const DEFAULT_MAX_BODY = 32 * 1024 * 1024;

/** The credential flags that switch listen's authentication on, by method (commander's keys). */
const LISTEN_AUTH_FLAGS = {
  basic: { username: '--username', password: '--password' },
  bearer: { token: '--token' },
  oauth2: { issuer: '--issuer', audience: '--audience', jwksUrl: '--jwks-url' },
};
const LISTEN_AUTH_VARIABLES = {
  basic: ['TC_WEBHOOK_USERNAME', 'TC_WEBHOOK_PASSWORD'],
  bearer: ['TC_WEBHOOK_TOKEN'],
};

function statusList(value: string): number[] {
  const statuses = value.split(',').map((s) => s.trim());
  if (!statuses.every((s) => /^[1-5]\d\d$/.test(s) && Number(s) >= 200)) {
    throw new InvalidArgumentError(
      `--respond takes HTTP statuses from 200 to 599 separated by commas, got "${value}".`,
    );
  }
  return statuses.map(Number);
}

export function configureListen(command: Command, rt: CliRuntime): void {
  const cmd = command
    .option('--cert <file>', 'PEM certificate chain to serve HTTPS with')
    .option('--key <file>', 'PEM private key of --cert')
    .option('--http', 'serve plain HTTP (behind a TLS-terminating tunnel or reverse proxy)', false)
    .option('--port <n>', 'port to listen on (0: any free port)', port('--port'), 8443)
    .option('--host <addr>', 'address to listen on (0.0.0.0: every interface)', '127.0.0.1')
    .addOption(
      new Option(
        '--auth <method>',
        'authentication to enforce (default: inferred from the credential flags, else none)',
      ).choices(['none', 'basic', 'bearer', 'oauth2'] as const),
    )
    .option('--username <name>', 'basic: expected user name (or TC_WEBHOOK_USERNAME)')
    .option('--password <secret>', 'basic: expected password (or TC_WEBHOOK_PASSWORD)')
    .option('--token <secret>', 'bearer: expected static token (or TC_WEBHOOK_TOKEN)')
    .option(
      '--issuer <url>',
      'oauth2: accepted token issuer (iss), repeatable (Entra ID v1 and v2)',
      collect,
      [],
    )
    .option(
      '--audience <aud>',
      'oauth2: accepted audience (aud), repeatable; pairs with --issuer by position',
      collect,
      [],
    )
    .option(
      '--jwks-url <url>',
      "oauth2: the issuer's signing keys (default: from its OpenID discovery document)",
    )
    .option('--scope <s>', 'oauth2: app role (roles) or scope (scp/scope) the token must carry')
    .addOption(
      new Option('--type <type>', 'which webhook: auto (from the top-level fields), order or shipment')
        .choices(['auto', 'order', 'shipment'] as const)
        .default('auto'),
    )
    .option('--spec <path|url>', 'validate against this OpenAPI document instead of the bundled schemas')
    .option('--strict', 'unknown fields and unknown enum values are errors', false)
    .option(
      '--respond <status,...>',
      'statuses for the 1st, 2nd … delivery; the last repeats (default 200)',
      statusList,
    )
    .option('--reject-invalid', 'answer 400 with the errors to an invalid delivery', false)
    .option('--forward-to <url>', 'relay each delivery to your endpoint and answer with its answer')
    .option(
      '--save <dir>',
      'save every authenticated delivery as <dir>/<seq>-<eventName>.<json|xml> before answering (503 when it cannot be saved)',
    )
    .option('--max-requests <n>', 'stop after n answered requests of any kind', positiveInt('--max-requests'))
    .option(
      '--max-body <bytes>',
      'largest body accepted; larger ones get 413',
      positiveInt('--max-body'),
      DEFAULT_MAX_BODY,
    )
    .option('--ca <file>', 'PEM CA to trust for the issuer and --forward-to (repeatable)', collect, [])
    .option(...PROXY_OPTION)
    .option(
      '--timeout <ms>',
      'bound on slow requests, key fetches and forwarding, in milliseconds',
      positiveInt('--timeout'),
      10000,
    );
  cmd
    .option('--json', 'one JSON object per request on stdout (NDJSON)', false)
    .addHelpText(
      'after',
      '\nStops on Ctrl-C or SIGTERM (or after --max-requests) and prints a summary on stderr.\nExit 0 when no delivery was invalid, 1 when one was, 2 when it could not start.',
    )
    .action(async (o) => {
      const env = rt.io.env;
      // A listener never starts unauthenticated when a credential flag was given.
      const inferred = inferAuth(authFlagsGiven(o, env, LISTEN_AUTH_FLAGS, LISTEN_AUTH_VARIABLES));
      const options: ListenOptions = {
        ...(o.cert ? { cert: o.cert } : {}),
        ...(o.key ? { key: o.key } : {}),
        http: o.http,
        port: o.port,
        host: o.host,
        auth: inferred.auth,
        ...(inferred.inferredFrom ? { inferredFrom: inferred.inferredFrom } : {}),
        ...(inferred.ignoredVariables.length > 0 ? { ignoredVariables: inferred.ignoredVariables } : {}),
        username: o.username ?? env.TC_WEBHOOK_USERNAME,
        password: o.password ?? env.TC_WEBHOOK_PASSWORD,
        token: o.token ?? env.TC_WEBHOOK_TOKEN,
        issuers: o.issuer,
        audiences: o.audience,
        ...(o.jwksUrl ? { jwksUrl: o.jwksUrl } : {}),
        ...(o.scope ? { scope: o.scope } : {}),
        type: o.type,
        ...(o.spec ? { spec: o.spec } : {}),
        strict: o.strict,
        respond: o.respond ?? [],
        rejectInvalid: o.rejectInvalid,
        ...(o.forwardTo ? { forwardTo: o.forwardTo } : {}),
        ...(o.save ? { save: o.save } : {}),
        ...(o.maxRequests ? { maxRequests: o.maxRequests } : {}),
        maxBody: o.maxBody,
        ca: o.ca,
        timeoutMs: o.timeout,
        ...(o.proxy !== undefined ? { proxy: o.proxy } : {}),
      };
      await runListen(options, o.json, rt);
    });
}

/** The process side of listen: signals become the stop signal, entries go to stdout as they come. */
async function runListen(options: ListenOptions, json: boolean, rt: CliRuntime): Promise<void> {
  const ctx = await rt.context(json);
  // Ctrl-C and SIGTERM stop it (a second Ctrl-C ends it at once); so does `listen --json | head`
  // once the reader has gone.
  const interrupt = watchInterrupt(rt.io, { sigterm: true });
  const stop = AbortSignal.any([interrupt.signal, rt.outputClosed]);
  try {
    const { listenCommand } = await import('../commands/listen.js');
    const human = await import('../report/listen-human.js');
    await (await import('../report/palette.js')).preparePalette(ctx.color);
    const { renderListenJson, renderListeningJson, renderListenSummaryJson } =
      await import('../report/listen-json.js');
    const renderEntry = json ? renderListenJson : human.listenEntryRenderer({ color: ctx.color });
    // Lines answered in the same turn of the event loop go out in one write: under load that is one
    // system call for many requests instead of one each.
    let pending = '';
    const flush = () => {
      if (pending === '') return;
      rt.resultStarted();
      rt.io.stdout.write(pending);
      pending = '';
    };
    const summary = await listenCommand(options, ctx, {
      stop,
      onStart: (start) => {
        rt.io.stderr.write(human.renderListenStart(start));
        if (json) {
          rt.resultStarted();
          rt.io.stdout.write(renderListeningJson(start));
        }
      },
      onEntry: (entry) => {
        if (pending === '') setImmediate(flush);
        pending += renderEntry(entry);
      },
    });
    flush();
    if (json) rt.io.stdout.write(renderListenSummaryJson(summary));
    rt.io.stderr.write(human.renderListenSummary(summary));
    rt.exit(summary.ok ? ExitCode.passed : ExitCode.failed);
  } finally {
    interrupt.dispose();
  }
}
