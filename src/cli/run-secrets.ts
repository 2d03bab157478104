import { parseProxyUrl } from '../core/net/proxy-url.js';

/** A secret of the run and where it came from (a flag or variable name), for the short-secret warning. */
export interface NamedSecret {
  source: string;
  value: string;
  /** A form built from the secret (`user:password`), not the secret as given. */
  derived?: true;
}

/** Secret flags and variables, with the user-name flag and variable each pairs with (`user:secret`). */
const SECRETS: Array<{ flag: string; variable: string; user?: { flag: string; variable: string } }> = [
  {
    flag: '--password',
    variable: 'TC_WEBHOOK_PASSWORD',
    user: { flag: '--username', variable: 'TC_WEBHOOK_USERNAME' },
  },
  { flag: '--token', variable: 'TC_WEBHOOK_TOKEN' },
  {
    flag: '--client-secret',
    variable: 'TC_WEBHOOK_CLIENT_SECRET',
    user: { flag: '--client-id', variable: 'TC_WEBHOOK_CLIENT_ID' },
  },
  {
    flag: '--api-password',
    variable: 'TC_WEBHOOK_API_PASSWORD',
    user: { flag: '--api-username', variable: 'TC_WEBHOOK_API_USERNAME' },
  },
];
const PROXY_ENV = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/** Every value of a flag on the command line (`--flag x` and `--flag=x`). */
function flagValues(args: readonly string[], flag: string): string[] {
  const values: string[] = [];
  args.forEach((arg, i) => {
    if (arg === flag && args[i + 1] !== undefined) values.push(args[i + 1]!);
    else if (arg.startsWith(`${flag}=`)) values.push(arg.slice(flag.length + 1));
  });
  return values;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The password (and `user:password`) of a URL with credentials, e.g. a proxy or a --spec URL. */
function urlSecrets(raw: string, source: string): NamedSecret[] {
  let user = '';
  let password = '';
  try {
    ({ username: user, password } = parseProxyUrl(raw, source).url);
  } catch {
    // Not parseable as a URL: take what looks like userinfo (a malformed escape, say).
    const match = /^[a-z][a-z0-9+.-]*:\/\/([^/@]*)@/i.exec(raw.trim());
    if (!match) return [];
    const colon = match[1]!.indexOf(':');
    if (colon < 0) return [];
    user = match[1]!.slice(0, colon);
    password = match[1]!.slice(colon + 1);
  }
  if (!password) return [];
  const forms = new Set([password, decoded(password)]);
  const found: NamedSecret[] = [];
  for (const p of forms) {
    found.push({ source, value: p });
    if (user) found.push({ source, value: `${decoded(user)}:${p}`, derived: true });
  }
  return found;
}

/**
 * The secrets a run was given, from its flags and environment, with the forms derived from them:
 * `user:password` (what Basic authentication encodes), `client-id:secret`, proxy credentials and
 * the password of any URL on the command line (`--spec https://user:pass@…`).
 */
export function secretsOfRun(args: readonly string[], env: NodeJS.ProcessEnv): NamedSecret[] {
  const found: NamedSecret[] = [];
  for (const { flag, variable, user } of SECRETS) {
    const values = [...flagValues(args, flag).map((v) => ({ source: flag, value: v }))];
    if (env[variable]) values.push({ source: variable, value: env[variable] });
    const users = user ? [...flagValues(args, user.flag), env[user.variable] ?? ''].filter(Boolean) : [];
    for (const secret of values) {
      if (secret.value === '') continue;
      found.push(secret);
      for (const name of users)
        found.push({ source: secret.source, value: `${name}:${secret.value}`, derived: true });
    }
  }
  for (const name of PROXY_ENV) if (env[name]) found.push(...urlSecrets(env[name], name));
  for (const [i, arg] of args.entries()) {
    // Any URL with a password: --proxy, --spec, a webhook URL.
    const value = arg.startsWith('--') && arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg;
    if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(value.trim())) {
      const flag = arg.startsWith('--')
        ? arg.split('=')[0]!
        : args[i - 1]?.startsWith('--')
          ? args[i - 1]!
          : 'a URL';
      found.push(...urlSecrets(value, flag));
    }
  }
  return found;
}

/** The one-time warning for secrets too short to be found inside base64. */
export function shortSecretWarning(secrets: NamedSecret[], below: number): string | undefined {
  const sources = [
    ...new Set(secrets.filter((s) => !s.derived && [...s.value].length < below).map((s) => s.source)),
  ];
  if (sources.length === 0) return undefined;
  return (
    `the secret of ${sources.join(', ')} is shorter than ${below} characters, too short to be masked everywhere: ` +
    'a header value holding it in any form is hidden whole, but inside other encoded text it may show; use a longer secret'
  );
}
