/**
 * The only module that touches the process: it reads argv and the environment, wires the commands
 * with commander, renders each command's report, writes stdout/stderr and returns the exit code.
 */
import { readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { CommandContext } from './commands/context.js';
import { EVENT_CATALOG } from './core/payload/event-catalog.js';
import type { AuthMethod, AuthOptions, PayloadFormat, WebhookType } from './commands/options.js';
import { describeError, ExitCode, InputError, type ExitCodeValue } from './errors.js';
import type { ReportKind } from './report/render.js';

export interface ProcessIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  cwd: string;
}

const WEBHOOK_TYPES: WebhookType[] = ['order', 'single-delivery', 'order-documents', 'shipment'];
const AUTH_METHODS: AuthMethod[] = ['none', 'basic', 'bearer', 'oauth2'];
const FORMATS: PayloadFormat[] = ['json', 'txml'];

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function positiveInt(name: string, min = 1): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
      throw new InvalidArgumentError(`${name} must be a whole number of at least ${min}, got "${value}".`);
    }
    return n;
  };
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function useColor(io: ProcessIo): boolean {
  const { NO_COLOR, FORCE_COLOR } = io.env;
  if (NO_COLOR !== undefined && NO_COLOR !== '') return false;
  if (FORCE_COLOR !== undefined) return FORCE_COLOR !== '0' && FORCE_COLOR !== 'false';
  return io.stdout.isTTY === true;
}

function buildContext(io: ProcessIo, json: boolean): CommandContext {
  return {
    stdin: io.stdin,
    stdinIsTTY: io.stdin.isTTY === true,
    stderr: io.stderr,
    stderrIsTTY: io.stderr.isTTY === true,
    json,
    color: useColor(io),
    cwd: io.cwd,
    warn: (message) => {
      io.stderr.write(`warning: ${message}\n`);
    },
  };
}

/** Common network flags: --ca (repeatable) and --timeout. */
function addNetworkOptions(cmd: Command): Command {
  return cmd
    .option(
      '--ca <file>',
      'PEM CA certificate to trust in addition to the public roots (repeatable)',
      collect,
      [],
    )
    .option(
      '--timeout <ms>',
      'bound on each network operation, in milliseconds',
      positiveInt('--timeout'),
      10000,
    );
}

function addAuthOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--auth <method>', 'authentication Tradecloud uses').choices(AUTH_METHODS).default('none'),
    )
    .option('--username <name>', 'basic auth user name (or TC_WEBHOOK_USERNAME)')
    .option('--password <secret>', 'basic auth password (or TC_WEBHOOK_PASSWORD)')
    .option('--token <secret>', 'static bearer token (or TC_WEBHOOK_TOKEN)')
    .option('--token-url <url>', 'OAuth 2.0 token endpoint (Microsoft identity platform)')
    .option('--client-id <id>', 'OAuth 2.0 client id (or TC_WEBHOOK_CLIENT_ID)')
    .option('--client-secret <secret>', 'OAuth 2.0 client secret (or TC_WEBHOOK_CLIENT_SECRET)')
    .option('--scope <scope>', 'OAuth 2.0 scope, e.g. https://your-host/.default');
}

/** Secrets: the flag first, then the TC_WEBHOOK_* variable. */
function resolveAuth(raw: AuthOptions, env: NodeJS.ProcessEnv): AuthOptions {
  return {
    auth: raw.auth,
    username: raw.username ?? env.TC_WEBHOOK_USERNAME,
    password: raw.password ?? env.TC_WEBHOOK_PASSWORD,
    token: raw.token ?? env.TC_WEBHOOK_TOKEN,
    tokenUrl: raw.tokenUrl,
    clientId: raw.clientId ?? env.TC_WEBHOOK_CLIENT_ID,
    clientSecret: raw.clientSecret ?? env.TC_WEBHOOK_CLIENT_SECRET,
    scope: raw.scope,
  };
}

export async function main(argv: string[], io: Partial<ProcessIo> = {}): Promise<ExitCodeValue> {
  const pio: ProcessIo = {
    argv,
    env: io.env ?? process.env,
    stdin: io.stdin ?? process.stdin,
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    cwd: io.cwd ?? process.cwd(),
  };
  let exitCode: ExitCodeValue = ExitCode.passed;
  const verbose = argv.includes('--verbose');

  /** Runs one command: its report goes to stdout (human or JSON), its errors to stderr as one line. */
  const run = async (
    kind: ReportKind,
    json: boolean,
    execute: (ctx: CommandContext) => Promise<{ ok: boolean }>,
  ) => {
    const ctx = buildContext(pio, json);
    const report = await execute(ctx);
    const { renderReport } = await import('./report/render.js');
    pio.stdout.write(await renderReport(kind, report, { format: json ? 'json' : 'human', color: ctx.color }));
    exitCode = report.ok ? ExitCode.passed : ExitCode.failed;
  };

  const program = new Command('tc-webhook')
    .description("Check your HTTPS endpoint against Tradecloud's Webhook Connector before going live.")
    .version(readVersion(), '-V, --version', 'print the version')
    .option('--verbose', 'show stack traces for unexpected errors')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => pio.stdout.write(s),
      writeErr: (s) => pio.stderr.write(s),
    });

  addNetworkOptions(
    program
      .command('check-tls')
      .description("check the endpoint's TLS versions and certificate against Tradecloud's rules")
      .argument('<target>', 'https://host[:port][/path] or host[:port]')
      .option('--servername <sni>', 'server name to send (SNI) and to check the certificate against')
      .option('--probe-https', 'for an http:// target, also check https on port 443 of the same host', false)
      .option('--json', 'print the result object as JSON', false),
  ).action(async (target: string, o: Record<string, unknown>) => {
    await run('check-tls', o.json as boolean, async (ctx) => {
      const { checkTlsCommand } = await import('./commands/check-tls.js');
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

  const typeOption = () =>
    new Option('--type <type>', 'webhook body: order, single-delivery, order-documents or shipment').choices(
      WEBHOOK_TYPES,
    );
  const formatOption = () =>
    new Option('--format <format>', 'body format: json or txml (tXML)').choices(FORMATS).default('json');

  addAuthOptions(
    addNetworkOptions(
      program
        .command('send-sample')
        .description('POST sample or stored webhook payloads to your endpoint, as Tradecloud would')
        .argument('<url>', 'your webhook endpoint, https://…')
        .addOption(typeOption())
        .option('--event <name>', 'event name, e.g. OrderIssuedByBuyer (see `tc-webhook sample --help`)')
        .option('--all', 'send one request per event name of the type', false)
        .addOption(formatOption())
        .option(
          '--file <path>',
          'replay a stored payload file or directory instead (repeatable)',
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
          positiveInt('--retry-base-ms', 0),
          1000,
        )
        .option('--dry-run', 'print the requests (secrets masked) without sending', false)
        .option('--json', 'print the result object as JSON', false),
    ),
  ).action(async (url: string, o: Record<string, unknown>) => {
    await run('send-sample', o.json as boolean, async (ctx) => {
      const { sendSampleCommand } = await import('./commands/send-sample.js');
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
          ca: o.ca as string[],
          timeoutMs: o.timeout as number,
          ...resolveAuth(o as unknown as AuthOptions, pio.env),
        },
        ctx,
      );
    });
  });

  program
    .command('sample')
    .description('print one generated webhook payload (the request body)')
    .addOption(typeOption())
    .option('--event <name>', 'event name, e.g. OrderLinesAcceptedBySupplier')
    .addOption(formatOption())
    .option('--seed <n>', 'same seed, same bytes', positiveInt('--seed', 0))
    .addHelpText('after', () => {
      // Data only (no dependencies), so listing the names costs nothing at start-up.
      const { order, 'order-documents': documents, shipment } = EVENT_CATALOG;
      const list = (title: string, names: readonly string[]) => `\n${title}:\n  ${names.join('\n  ')}\n`;
      return (
        list('Order events (--type order or single-delivery; order is inferred from the name)', order) +
        list('Order documents events (--type order-documents)', documents) +
        list('Shipment events (--type shipment)', shipment) +
        '\nWithout --event: the first event of the type. Without --type: inferred from --event, else order.\n'
      );
    })
    .action(async (o: Record<string, unknown>) => {
      const ctx = buildContext(pio, false);
      const { sampleCommand } = await import('./commands/sample.js');
      const body = await sampleCommand(
        {
          type: o.type as WebhookType | undefined,
          event: o.event as string | undefined,
          format: o.format as PayloadFormat,
          seed: o.seed as number | undefined,
        },
        ctx,
      );
      pio.stdout.write(body.endsWith('\n') ? body : `${body}\n`);
    });

  program
    .command('validate')
    .description('validate stored payloads (JSON or tXML) against the webhook OpenAPI schemas')
    .argument('<file...>', 'files or directories (every .json/.xml inside); - reads stdin')
    .addOption(
      new Option('--type <type>', 'which webhook: auto (from the top-level fields), order or shipment')
        .choices(['auto', 'order', 'shipment'])
        .default('auto'),
    )
    .option('--spec <path|url>', "validate against this OpenAPI document (e.g. Tradecloud's specs.yaml)")
    .option('--strict', 'unknown fields and unknown enum values are errors', false)
    .option(
      '--max-errors <n>',
      'errors listed per file before the rest are counted',
      positiveInt('--max-errors'),
      20,
    )
    .option(
      '--timeout <ms>',
      'bound on fetching a --spec URL, in milliseconds',
      positiveInt('--timeout'),
      10000,
    )
    .option('--json', 'print the result object as JSON', false)
    .action(async (files: string[], o: Record<string, unknown>) => {
      await run('validate', o.json as boolean, async (ctx) => {
        const { validateCommand } = await import('./commands/validate.js');
        return validateCommand(
          {
            files,
            type: o.type as 'auto' | 'order' | 'shipment',
            spec: o.spec as string | undefined,
            strict: o.strict as boolean,
            maxErrors: o.maxErrors as number,
            timeoutMs: o.timeout as number,
          },
          ctx,
        );
      });
    });

  addAuthOptions(
    addNetworkOptions(
      program
        .command('doctor')
        .description('one readiness verdict: would Tradecloud deliver every enabled event to this endpoint?')
        .argument('<url>', 'your webhook endpoint, https://…')
        .addOption(
          new Option('--type <type>', 'webhook type to check (repeatable; default order)')
            .choices(WEBHOOK_TYPES)
            .argParser((value: string, previous: string[] | undefined) => {
              if (!WEBHOOK_TYPES.includes(value as WebhookType)) {
                throw new InvalidArgumentError(`Allowed choices are ${WEBHOOK_TYPES.join(', ')}.`);
              }
              return [...(previous ?? []), value];
            }),
        )
        .addOption(formatOption())
        .option(
          '--events <list>',
          'comma-separated event names enabled in the portal (default: all of the type)',
        )
        .option('--servername <sni>', 'server name to send (SNI) and to check the certificate against')
        .option('--slow-ms <ms>', 'a delivery slower than this is a warning', positiveInt('--slow-ms'), 5000)
        .option('--report <file>', 'also write the report as JUnit XML (.xml) or Markdown (.md)')
        .option('--yes', 'do not ask for confirmation before sending', false)
        .option('--json', 'print the report object as JSON', false),
    ),
  ).action(async (url: string, o: Record<string, unknown>) => {
    await run('doctor', o.json as boolean, async (ctx) => {
      const reportFile = o.report as string | undefined;
      const { doctorFileFormat, renderDoctorFile } = await import('./report/doctor-file.js');
      // An unusable --report name is a usage error before anything is sent.
      const fileFormat = reportFile === undefined ? undefined : doctorFileFormat(reportFile);
      const { doctorCommand } = await import('./commands/doctor.js');
      const events =
        typeof o.events === 'string'
          ? o.events
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : undefined;
      const report = await doctorCommand(
        {
          url,
          types: (o.type as WebhookType[] | undefined) ?? ['order'],
          format: o.format as PayloadFormat,
          events,
          servername: o.servername as string | undefined,
          slowMs: o.slowMs as number,
          yes: o.yes as boolean,
          ca: o.ca as string[],
          timeoutMs: o.timeout as number,
          ...resolveAuth(o as unknown as AuthOptions, pio.env),
        },
        ctx,
      );
      if (reportFile !== undefined && fileFormat !== undefined) {
        const { writeFile } = await import('node:fs/promises');
        const { resolve } = await import('node:path');
        const path = resolve(pio.cwd, reportFile);
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

  for (const sub of program.commands) {
    sub
      .option('--verbose', 'show stack traces for unexpected errors')
      .showSuggestionAfterError(true)
      .showHelpAfterError(`(run tc-webhook ${sub.name()} --help for usage)`)
      .exitOverride()
      .configureOutput({
        writeOut: (s) => pio.stdout.write(s),
        writeErr: (s) => pio.stderr.write(s),
      });
  }

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; everything else commander rejects is a usage error.
      return error.exitCode === 0 ? ExitCode.passed : ExitCode.couldNotRun;
    }
    pio.stderr.write(`tc-webhook: ${describeError(error, verbose)}\n`);
    return ExitCode.couldNotRun;
  }
}
