import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Writable } from 'node:stream';
import type { SecretMasker } from '../core/http/mask-secrets.js';
import { describeJwt, describeJwtsIn } from './trace-jwt.js';

interface ConnectedMessage {
  connectParams: { hostname: string; port: string | number; protocol: string };
  socket: { remoteAddress?: string };
}
interface SendHeadersMessage {
  headers: string;
}
interface ResponseHeadersMessage {
  request: { origin?: unknown; path?: string } & object;
  response: { statusCode: number; statusText: string; headers: Array<Buffer | string> };
}
interface RequestErrorMessage {
  request: { origin?: unknown; method?: string; path?: string };
  error: Error;
}

/** The decoded JWTs a header line carries (`Authorization: Bearer eyJ…`), named by the header. */
function headerJwts(line: string, direction: string): string[] {
  const colon = line.indexOf(':');
  if (colon <= 0 || !line.includes('eyJ')) return [];
  return describeJwtsIn(line.slice(colon + 1), `${direction} in ${line.slice(0, colon)}`);
}

function headerLine(masker: SecretMasker, prefix: string, line: string): string {
  const colon = line.indexOf(':');
  if (colon <= 0) return `${prefix}${line}`;
  const name = line.slice(0, colon);
  return `${prefix}${name}: ${masker.maskHeader(name, line.slice(colon + 1).trim())}`;
}

/**
 * `--verbose`: the HTTP exchange on stderr as `curl -v` shows it (`*` connection, `>` request line
 * and headers, `<` status and headers), from undici's diagnostics channels
 * (https://undici.nodejs.org/#/docs/api/DiagnosticsChannel). Subscribed only with --verbose, so
 * other runs pay nothing. Credential headers are masked by name, a header value holding a short
 * secret is masked whole, and every line passes through the run's masker (so does stderr itself),
 * so neither a flag's secret, a derived form nor a fetched token is printed. A JWT sent or received
 * (a bearer token, an OAuth access token) is shown decoded, header and claims, never as itself.
 * Returns the function that unsubscribes, and `learnt`, told of each token learnt at run time.
 */
export function traceHttp(
  stderr: Writable,
  masker: SecretMasker,
): { stop: () => void; learnt: (tokens: readonly string[]) => void } {
  const pending = new Map<object, () => string[]>();
  const print = (lines: string[]) => stderr.write(`${lines.map((l) => masker.mask(l)).join('\n')}\n`);
  const flushOne = (request: object) => {
    const lines = pending.get(request);
    pending.delete(request);
    if (lines) print(lines());
  };
  const flushAll = () => {
    for (const request of [...pending.keys()]) flushOne(request);
  };
  const write = (lines: string[]) => {
    flushAll();
    print(lines);
  };
  const handlers: Record<string, (message: unknown) => void> = {
    'undici:client:connected': (message) => {
      const { connectParams, socket } = message as ConnectedMessage;
      const address = socket.remoteAddress ? ` (${socket.remoteAddress})` : '';
      write([`* Connected to ${connectParams.hostname}${address} port ${connectParams.port}`]);
    },
    'undici:client:sendHeaders': (message) => {
      const lines = (message as SendHeadersMessage).headers.split('\r\n').filter((l) => l !== '');
      write([
        `> ${lines[0] ?? ''}`,
        ...lines.slice(1).map((l) => headerLine(masker, '> ', l)),
        '>',
        ...lines.slice(1).flatMap((l) => headerJwts(l, 'sent')),
      ]);
    },
    'undici:request:headers': (message) => {
      const { request, response } = message as ResponseHeadersMessage;
      // Held until the answer's body is read: an access token in it is learnt (and masked) by then,
      // also where the headers echo it.
      pending.set(request, () => {
        const lines = [`< HTTP/1.1 ${response.statusCode} ${response.statusText}`.trimEnd()];
        const jwts: string[] = [];
        for (let i = 0; i + 1 < response.headers.length; i += 2) {
          const line = `${String(response.headers[i])}: ${String(response.headers[i + 1])}`;
          lines.push(headerLine(masker, '< ', line));
          jwts.push(...headerJwts(line, 'received'));
        }
        return [...lines, '<', ...jwts];
      });
    },
    'undici:request:trailers': (message) => {
      const { request } = message as { request: object };
      setImmediate(() => flushOne(request));
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
  return {
    stop: () => {
      flushAll();
      for (const [name, handler] of Object.entries(handlers)) unsubscribe(name, handler);
    },
    // An access token arrives in a token endpoint's body, which the trace does not print.
    learnt: (tokens) => {
      const lines = tokens.flatMap((token) => describeJwt(token, 'received (access token)'));
      if (lines.length > 0) write(lines);
    },
  };
}
