import { UsageError } from '../../errors.js';

export type AuthMethod = 'none' | 'basic' | 'bearer' | 'oauth2';

/** The authentication options as the CLI resolved them (flags, then TC_WEBHOOK_* variables). */
export interface AuthInput {
  auth: AuthMethod;
  username?: string;
  password?: string;
  token?: string;
  tokenUrl?: string;
  clientId?: string;
  clientSecret?: string;
  scope?: string;
  /** The credential flags `auth` was inferred from, when --auth was absent. */
  inferredFrom?: string[];
  /** TC_WEBHOOK_* variables set but not used (variables alone never switch auth on). */
  ignoredVariables?: string[];
}

export type Credentials =
  | { method: 'none' }
  | { method: 'basic'; username: string; password: string }
  | { method: 'bearer'; token: string }
  | { method: 'oauth2'; tokenUrl: string; clientId: string; clientSecret: string; scope: string | undefined };

const SOURCES: Record<string, string> = {
  username: '--username (or TC_WEBHOOK_USERNAME)',
  password: '--password (or TC_WEBHOOK_PASSWORD)',
  token: '--token (or TC_WEBHOOK_TOKEN)',
  tokenUrl: '--token-url',
  clientId: '--client-id (or TC_WEBHOOK_CLIENT_ID)',
  clientSecret: '--client-secret (or TC_WEBHOOK_CLIENT_SECRET)',
};

function requireAll(method: AuthMethod, input: AuthInput, keys: Array<keyof AuthInput>): void {
  const missing = keys.filter((key) => !input[key]);
  if (missing.length === 0) return;
  const sources = missing.map((key) => SOURCES[key]);
  const names =
    sources.length === 1 ? sources[0] : `${sources.slice(0, -1).join(', ')} and ${sources.at(-1)}`;
  throw new UsageError(
    `--auth ${method} needs ${names}`,
    'Secrets are best passed through the environment variables, which stay out of your shell history',
  );
}

function rejectControlCharacters(input: AuthInput): void {
  for (const key of ['username', 'password', 'token', 'clientId', 'clientSecret'] as const) {
    // eslint-disable-next-line no-control-regex
    if (input[key] && /[\u0000-\u001f\u007f]/.test(input[key])) {
      throw new UsageError(
        `${SOURCES[key]} contains a control character (a stray newline?)`,
        'Remove it and retry',
      );
    }
  }
}

/**
 * A value sent as is in a header must be valid there (RFC 9110 §5.5: visible ASCII, spaces and tabs
 * inside); Basic credentials are base64-encoded and client secrets travel in the form body, so only
 * the bearer token is checked.
 */
export function headerValueProblem(value: string): string | undefined {
  const bad = /[^\x20-\x7e\t]/u.exec(value);
  if (bad) {
    const what = bad[0].charCodeAt(0) > 0x7e ? 'a non-ASCII character' : 'a control character';
    return `contains ${what} (at position ${bad.index + 1}), which HTTP headers cannot carry`;
  }
  if (/^[ \t]|[ \t]$/.test(value)) return 'starts or ends with white space, which HTTP drops from headers';
  return undefined;
}

/** Checks that the chosen method has what it needs; an omission is a usage error naming the flag and variable. */
export function resolveCredentials(input: AuthInput): Credentials {
  rejectControlCharacters(input);
  const tokenProblem = input.auth === 'bearer' && input.token ? headerValueProblem(input.token) : undefined;
  if (tokenProblem) {
    throw new UsageError(
      `${SOURCES.token} ${tokenProblem}`,
      'Copy the token again; Tradecloud sends it unchanged in the Authorization header',
    );
  }
  switch (input.auth) {
    case 'none':
      return { method: 'none' };
    case 'basic':
      requireAll('basic', input, ['username', 'password']);
      if (input.username!.includes(':')) {
        // RFC 7617 §2: the user-id cannot contain a colon.
        throw new UsageError(
          '--username cannot contain ":" in basic authentication',
          'See RFC 7617 section 2',
        );
      }
      return { method: 'basic', username: input.username!, password: input.password! };
    case 'bearer':
      requireAll('bearer', input, ['token']);
      return { method: 'bearer', token: input.token! };
    case 'oauth2':
      requireAll('oauth2', input, ['tokenUrl', 'clientId', 'clientSecret']);
      return {
        method: 'oauth2',
        tokenUrl: input.tokenUrl!,
        clientId: input.clientId!,
        clientSecret: input.clientSecret!,
        scope: input.scope,
      };
  }
}

/** The values that must never be printed (user names and client ids are not secrets). */
export function secretsOf(credentials: Credentials): string[] {
  switch (credentials.method) {
    case 'basic':
      // The masker also covers the base64 forms of `user:pass`, as sent in the Basic header.
      return [credentials.password, `${credentials.username}:${credentials.password}`];
    case 'bearer':
      return [credentials.token];
    case 'oauth2':
      // client_secret_basic sends base64 of `client-id:secret`: an echo of it is masked too.
      return [credentials.clientSecret, `${credentials.clientId}:${credentials.clientSecret}`];
    default:
      return [];
  }
}

export function basicHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
