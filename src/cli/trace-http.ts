import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { parseProxyUrl } from '../core/net/select-proxy.js';
import type { Writable } from 'node:stream';
import { createSecretMasker } from '../core/http/mask-secrets.js';

/** Headers whose value is a credential: the scheme stays readable, the rest is masked. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization']);
const HIDDEN_HEADERS = new Set(['cookie', 'set-cookie']);

interface ConnectedMessage {
  connectParams: { hostname: string; port: string | number; protocol: string };
  socket: { remoteAddress?: string };
}
interface SendHeadersMessage {
  headers: string;
}
interface ResponseHeadersMessage {
  request: { origin?: unknown; path?: string };
  response: { statusCode: number; statusText: string; headers: Array<Buffer | string> };
}
interface RequestErrorMessage {
  request: { origin?: unknown; method?: string; path?: string };
  error: Error;
}

function maskHeaderValue(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (HIDDEN_HEADERS.has(lower)) return '***';
  if (!CREDENTIAL_HEADERS.has(lower)) return value;
  const scheme = /^(\S+)\s+\S/.exec(value.trim());
  return scheme ? `${scheme[1]} ***` : '***';
}

function headerLine(prefix: string, line: string): string {
  const colon = line.indexOf(':');
  if (colon <= 0) return `${prefix}${line}`;
  const name = line.slice(0, colon);
  return `${prefix}${name}: ${maskHeaderValue(name, line.slice(colon + 1).trim())}`;
}

/**
 * `--verbose`: the HTTP exchange on stderr as `curl -v` shows it (`*` connection, `>` request line
 * and headers, `<` status and headers), from undici's diagnostics channels
 * (https://undici.nodejs.org/#/docs/api/DiagnosticsChannel). Subscribed only with --verbose, so
 * other runs pay nothing. Credential headers are masked by name and every line also passes
 * through the secret masker, so neither a flag's secret nor a fetched token is printed.
 * Returns the function that unsubscribes.
 */
export function traceHttp(stderr: Writable, secrets: readonly string[]): () => void {
  const masker = createSecretMasker([...secrets]);
  const write = (lines: string[]) => stderr.write(`${lines.map((l) => masker.mask(l)).join('\n')}\n`);
  const handlers: Record<string, (message: unknown) => void> = {
    'undici:client:connected': (message) => {
      const { connectParams, socket } = message as ConnectedMessage;
      const address = socket.remoteAddress ? ` (${socket.remoteAddress})` : '';
      write([`* Connected to ${connectParams.hostname}${address} port ${connectParams.port}`]);
    },
    'undici:client:sendHeaders': (message) => {
      const lines = (message as SendHeadersMessage).headers.split('\r\n').filter((l) => l !== '');
      write([`> ${lines[0] ?? ''}`, ...lines.slice(1).map((l) => headerLine('> ', l)), '>']);
    },
    'undici:request:headers': (message) => {
      const { response } = message as ResponseHeadersMessage;
      const lines = [`< HTTP/1.1 ${response.statusCode} ${response.statusText}`.trimEnd()];
      for (let i = 0; i + 1 < response.headers.length; i += 2) {
        lines.push(headerLine('< ', `${String(response.headers[i])}: ${String(response.headers[i + 1])}`));
      }
      write([...lines, '<']);
    },
    'undici:proxy:connected': (message) => {
      // The CONNECT's own headers carry Proxy-Authorization: only where the tunnel leads is shown.
      const { connectParams } = message as { connectParams: { origin?: string | URL; path?: string } };
      write([
        `* CONNECT ${connectParams.path ?? ''} through the proxy ${connectParams.origin?.toString() ?? ''}`,
      ]);
    },
    'undici:request:error': (message) => {
      const { request, error } = message as RequestErrorMessage;
      write([
        `* ${request.method ?? ''} ${request.origin?.toString() ?? ''}${request.path ?? ''}: ${error.message}`,
      ]);
    },
  };
  for (const [name, handler] of Object.entries(handlers)) subscribe(name, handler);
  return () => {
    for (const [name, handler] of Object.entries(handlers)) unsubscribe(name, handler);
  };
}

const SECRET_FLAGS = ['--password', '--token', '--client-secret', '--api-password'];
const SECRET_ENV = [
  'TC_WEBHOOK_PASSWORD',
  'TC_WEBHOOK_TOKEN',
  'TC_WEBHOOK_CLIENT_SECRET',
  'TC_WEBHOOK_API_PASSWORD',
];
const PROXY_ENV = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

function proxyPassword(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    return parseProxyUrl(raw, '--proxy').password;
  } catch {
    return undefined; // not a proxy URL: the command itself says so
  }
}

/** The secrets a run was given, from its flags (`--token x`, `--token=x`) and environment. */
export function secretsOf(args: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const found: string[] = [];
  args.forEach((arg, i) => {
    for (const flag of SECRET_FLAGS) {
      if (arg === flag && args[i + 1] !== undefined) found.push(args[i + 1]!);
      else if (arg.startsWith(`${flag}=`)) found.push(arg.slice(flag.length + 1));
    }
  });
  for (const name of SECRET_ENV) if (env[name]) found.push(env[name]);
  // Proxy passwords, from --proxy and the proxy variables.
  const proxies = [...PROXY_ENV.map((name) => env[name])];
  args.forEach((arg, i) => {
    if (arg === '--proxy') proxies.push(args[i + 1]);
    else if (arg.startsWith('--proxy=')) proxies.push(arg.slice('--proxy='.length));
  });
  for (const raw of proxies) {
    const password = proxyPassword(raw);
    if (password) found.push(password);
  }
  return found;
}
