/** Flags shared by several commands, and the parsing of numbers and lists commander hands over as text. */
import type { Command, OptionValues } from '@commander-js/extra-typings';
import { DEFAULT_MAX_INPUT_BYTES } from '../core/input/read-bounded.js';
import { InvalidArgumentError, Option } from './commander.js';
import { UsageError } from '../errors.js';
import { inferAuth, type AuthFlagsGiven } from '../core/http/infer-auth.js';
import type {
  AuthMethod,
  AuthOptions,
  NetworkOptions,
  PayloadFormat,
  WebhookType,
} from '../commands/options.js';

export const WEBHOOK_TYPES: WebhookType[] = ['order', 'single-delivery', 'order-documents', 'shipment'];
const AUTH_METHODS: AuthMethod[] = ['none', 'basic', 'bearer', 'oauth2'];
const FORMATS: PayloadFormat[] = ['json', 'txml'];

export function positiveInt(name: string, min = 1): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
      throw new InvalidArgumentError(`${name} must be a whole number of at least ${min}, got "${value}".`);
    }
    return n;
  };
}

/** A TCP port to listen on: 0 (any free port) to 65535. */
export function port(name: string): (value: string) => number {
  const parse = positiveInt(name, 0);
  return (value) => {
    const n = parse(value);
    if (n > 65_535) throw new InvalidArgumentError(`${name} must be a port from 0 to 65535, got "${value}".`);
    return n;
  };
}

/**
 * A file or directory argument (repeatable): an empty one is a mistake (an unset shell variable), never
 * "the current folder".
 */
export function pathArguments(what: string): (value: string, previous: string[] | undefined) => string[] {
  return (value, previous) => {
    if (value.trim() === '') {
      throw new InvalidArgumentError(`An empty ${what} name is not a path (an unset shell variable?).`);
    }
    return [...(previous ?? []), value];
  };
}

/** The longest delay Node's timers accept; a bigger one silently becomes 1 ms (TimeoutOverflowWarning). */
export const MAX_TIMER_MS = 2_147_483_647;

/** A duration in milliseconds that a timer can actually wait. */
export function timerMs(name: string, min = 1): (value: string) => number {
  const parse = positiveInt(name, min);
  return (value) => {
    const n = parse(value);
    if (n > MAX_TIMER_MS) {
      throw new InvalidArgumentError(
        `${name} must be at most ${MAX_TIMER_MS} ms (about 24.8 days), got "${value}".`,
      );
    }
    return n;
  };
}

/** The last back-off delay, base × 2^(retries − 1), must fit a timer too. */
export function retryDelaysFit(baseMs: number, maxRetries: number): void {
  if (maxRetries < 1 || baseMs * 2 ** (maxRetries - 1) <= MAX_TIMER_MS) return;
  throw new UsageError(
    `--retry-base-ms ${baseMs} doubled over --max-retries ${maxRetries} exceeds the longest possible delay (${MAX_TIMER_MS} ms)`,
    'Lower --retry-base-ms or --max-retries',
  );
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function typeOption() {
  return new Option(
    '--type <type>',
    'webhook body: order, single-delivery, order-documents or shipment',
  ).choices(WEBHOOK_TYPES);
}

export function formatOption() {
  return new Option('--format <format>', 'body format: json or txml (tXML)').choices(FORMATS).default('json');
}

export function jsonFlag<A extends unknown[], O extends OptionValues, G extends OptionValues>(
  cmd: Command<A, O, G>,
) {
  return cmd.option('--json', 'print the result object as JSON', false);
}

/** --ca (repeatable) and --timeout. */
export function addNetworkOptions<A extends unknown[], O extends OptionValues, G extends OptionValues>(
  cmd: Command<A, O, G>,
) {
  return cmd
    .option(
      '--ca <file>',
      'PEM CA certificate to trust in addition to the public roots (repeatable)',
      collect,
      [],
    )
    .option(
      '--timeout <ms>',
      'bound on each network operation (a delivery: connect to last byte), in ms, at most 2147483647',
      timerMs('--timeout'),
      10000,
    )
    .option(...PROXY_OPTION);
}

/** --proxy: every network command's; the environment's proxy variables apply without it. */
export const PROXY_OPTION = [
  '--proxy <url>',
  "forward proxy for every request, e.g. http://user:pass@proxy:3128 (replaces HTTPS_PROXY/HTTP_PROXY; '' = none)",
] as const;

export function addAuthOptions<A extends unknown[], O extends OptionValues, G extends OptionValues>(
  cmd: Command<A, O, G>,
) {
  return cmd
    .addOption(
      new Option(
        '--auth <method>',
        'authentication Tradecloud uses (default: inferred from the credential flags, else none)',
      ).choices(AUTH_METHODS),
    )
    .option('--username <name>', 'basic auth user name (or TC_WEBHOOK_USERNAME)')
    .option('--password <secret>', 'basic auth password (or TC_WEBHOOK_PASSWORD)')
    .option('--token <secret>', 'static bearer token (or TC_WEBHOOK_TOKEN)')
    .option('--token-url <url>', 'OAuth 2.0 token endpoint (Microsoft identity platform)')
    .option('--client-id <id>', 'OAuth 2.0 client id (or TC_WEBHOOK_CLIENT_ID)')
    .option('--client-secret <secret>', 'OAuth 2.0 client secret (or TC_WEBHOOK_CLIENT_SECRET)')
    .option('--scope <scope>', 'OAuth 2.0 scope, e.g. https://your-host/.default');
}

/** The credential flags given, by the method they belong to, and the variables that are set. */
const SENDER_AUTH_FLAGS = {
  basic: { username: '--username', password: '--password' },
  bearer: { token: '--token' },
  oauth2: { tokenUrl: '--token-url', clientId: '--client-id', clientSecret: '--client-secret' },
} as const;
const SENDER_AUTH_VARIABLES = {
  basic: ['TC_WEBHOOK_USERNAME', 'TC_WEBHOOK_PASSWORD'],
  bearer: ['TC_WEBHOOK_TOKEN'],
  oauth2: ['TC_WEBHOOK_CLIENT_ID', 'TC_WEBHOOK_CLIENT_SECRET'],
} as const;

/** Which flags of each method were given, and which variables of each are set (for inferAuth). */
export function authFlagsGiven(
  flags: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  table: Record<string, Record<string, string>>,
  variables: Record<string, readonly string[]>,
): AuthFlagsGiven {
  const given: AuthFlagsGiven = {
    explicit: flags.auth as AuthMethod | undefined,
    flags: {},
    variables: {},
  };
  for (const [method, byKey] of Object.entries(table)) {
    const names = Object.entries(byKey)
      .filter(([key]) => {
        const value = flags[key];
        return value !== undefined && !(Array.isArray(value) && value.length === 0);
      })
      .map(([, flag]) => flag);
    if (names.length > 0) given.flags[method as keyof AuthFlagsGiven['flags']] = names;
  }
  for (const [method, names] of Object.entries(variables)) {
    const set = names.filter((name) => env[name] !== undefined && env[name] !== '');
    if (set.length > 0) given.variables[method as keyof AuthFlagsGiven['variables']] = set;
  }
  return given;
}

/** Secrets: the flag first, then the TC_WEBHOOK_* variable; --auth inferred from the flags when absent. */
function resolveAuth(flags: Record<string, unknown>, env: NodeJS.ProcessEnv): AuthOptions {
  const raw = flags as unknown as AuthOptions;
  const inferred = inferAuth(authFlagsGiven(flags, env, SENDER_AUTH_FLAGS, SENDER_AUTH_VARIABLES));
  return {
    auth: inferred.auth,
    ...(inferred.inferredFrom ? { inferredFrom: inferred.inferredFrom } : {}),
    ...(inferred.ignoredVariables.length > 0 ? { ignoredVariables: inferred.ignoredVariables } : {}),
    username: raw.username ?? env.TC_WEBHOOK_USERNAME,
    password: raw.password ?? env.TC_WEBHOOK_PASSWORD,
    token: raw.token ?? env.TC_WEBHOOK_TOKEN,
    tokenUrl: raw.tokenUrl,
    clientId: raw.clientId ?? env.TC_WEBHOOK_CLIENT_ID,
    clientSecret: raw.clientSecret ?? env.TC_WEBHOOK_CLIENT_SECRET,
    scope: raw.scope,
  };
}

/** What commands that call the endpoint share: --ca, --timeout and the resolved authentication. */
export function networkAndAuth(
  flags: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
): NetworkOptions & AuthOptions {
  return {
    ca: flags.ca as string[],
    timeoutMs: flags.timeout as number,
    ...(flags.proxy !== undefined ? { proxy: flags.proxy as string } : {}),
    ...resolveAuth(flags, env),
  };
}

/** --max-size: the one size limit of every input a command reads (files, stdin, a --spec). */
export function addMaxSizeOption<A extends unknown[], O extends OptionValues, G extends OptionValues>(
  cmd: Command<A, O, G>,
  what: string,
) {
  return cmd.option(
    '--max-size <bytes>',
    `read at most this many bytes of each ${what}; a larger one stops the run (default 268435456, 256 MiB)`,
    positiveInt('--max-size'),
  );
}

export function maxSizeOf(o: Record<string, unknown>): number {
  return (o.maxSize as number | undefined) ?? DEFAULT_MAX_INPUT_BYTES;
}

/** --fail-on: validate, check-tls, doctor and scenario (docs/ci.md). */
export function failOnOption() {
  return new Option(
    '--fail-on <level>',
    'exit 1 on findings of this level: error (default), or warning (warnings and inconclusive checks fail too; skips never)',
  )
    .choices(['error', 'warning'] as const)
    .default('error' as const);
}

/** --sarif: validate and check-tls (docs/ci.md). */
export const SARIF_OPTION = [
  '--sarif <file>',
  'also write the findings as SARIF 2.1.0 (e.g. for GitHub code scanning)',
] as const;

/** The CI extras of `run` from the parsed flags. */
export function runExtrasOf(o: { failOn?: 'error' | 'warning'; sarif?: string }): {
  failOn?: 'error' | 'warning';
  sarif?: string;
} {
  return {
    ...(o.failOn !== undefined ? { failOn: o.failOn } : {}),
    ...(o.sarif !== undefined ? { sarif: o.sarif } : {}),
  };
}
