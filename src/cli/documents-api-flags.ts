/** --documents-api and its companions, shared by send-sample, doctor and scenario. */
import type { Command, OptionValues } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import type { DocumentsApiSettings } from '../commands/options.js';
import { InvalidArgumentError } from './commander.js';
import { port, positiveInt } from './flags.js';

import {
  DEFAULT_DOCUMENTS_WAIT_SECONDS,
  DEFAULT_LINK_TTL_SECONDS,
} from '../core/documents/documents-defaults.js';

export { DEFAULT_LINK_TTL_SECONDS };
/** A day: longer is no test of a link Tradecloud gives about a minute. */
const MAX_SECONDS = 86_400;

export function seconds(name: string, min: number): (value: string) => number {
  const parse = positiveInt(name, min);
  return (value) => {
    const n = parse(value);
    if (n > MAX_SECONDS)
      throw new InvalidArgumentError(`${name} must be at most ${MAX_SECONDS} seconds, got "${value}".`);
    return n;
  };
}

export function addDocumentsApiOptions<A extends unknown[], O extends OptionValues, G extends OptionValues>(
  cmd: Command<A, O, G>,
) {
  return cmd
    .option(
      '--documents-api <port>',
      "run a local mock of Tradecloud's document API on 127.0.0.1:<port> (0: any free port) and report what your integration fetched",
      port('--documents-api'),
    )
    .option('--api-username <name>', 'user name the mock accepts at login (or TC_WEBHOOK_API_USERNAME)')
    .option('--api-password <secret>', 'password the mock accepts at login (or TC_WEBHOOK_API_PASSWORD)')
    .option(
      '--link-ttl <s>',
      `seconds a download link stays valid after the metadata call (default ${DEFAULT_LINK_TTL_SECONDS})`,
      seconds('--link-ttl', 1),
    );
}

export function addDocumentsWaitOption<A extends unknown[], O extends OptionValues, G extends OptionValues>(
  cmd: Command<A, O, G>,
) {
  return cmd.option(
    '--documents-wait <s>',
    `with --documents-api: seconds to wait for the integration to download the document (default ${DEFAULT_DOCUMENTS_WAIT_SECONDS})`,
    seconds('--documents-wait', 0),
  );
}

/** The API login: the flag first, then the TC_WEBHOOK_API_* variable (the password is a secret). */
export function apiCredentialsOf(
  flags: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
): { username?: string; password?: string } {
  const username = (flags.apiUsername as string | undefined) ?? env.TC_WEBHOOK_API_USERNAME;
  const password = (flags.apiPassword as string | undefined) ?? env.TC_WEBHOOK_API_PASSWORD;
  return {
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
  };
}

/** Login flags the mock needs, as one usage error naming what is missing. */
export function requireApiCredentials(
  credentials: { username?: string; password?: string },
  what: string,
): { username: string; password: string } {
  const missing = [
    credentials.username ? '' : '--api-username (or TC_WEBHOOK_API_USERNAME)',
    credentials.password ? '' : '--api-password (or TC_WEBHOOK_API_PASSWORD)',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new UsageError(
      `${what} needs ${missing.join(' and ')}`,
      'Give the login your integration uses for the Tradecloud API; the password is best passed in TC_WEBHOOK_API_PASSWORD, which stays out of your shell history',
    );
  }
  return { username: credentials.username!, password: credentials.password! };
}

/** The settings of --documents-api, or undefined without it (its companion flags are then a usage error). */
export function documentsApiOf(
  flags: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
): DocumentsApiSettings | undefined {
  const portValue = flags.documentsApi as number | undefined;
  if (portValue === undefined) {
    const stray = (['apiUsername', 'apiPassword', 'linkTtl', 'documentsWait'] as const).find(
      (k) => flags[k] !== undefined,
    );
    if (stray) {
      const flag = `--${stray.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      throw new UsageError(
        `${flag} applies only with --documents-api`,
        'Add --documents-api <port> or leave it out',
      );
    }
    return undefined;
  }
  const credentials = requireApiCredentials(apiCredentialsOf(flags, env), '--documents-api');
  const wait = flags.documentsWait as number | undefined;
  return {
    port: portValue,
    ...credentials,
    linkTtlSeconds: (flags.linkTtl as number | undefined) ?? DEFAULT_LINK_TTL_SECONDS,
    ...(wait !== undefined ? { waitSeconds: wait } : {}),
  };
}
