/**
 * A recording HTTPS webhook receiver on 127.0.0.1 (random port), serving the committed fixture
 * certificates, for end-to-end tests of anything that POSTs to a webhook endpoint.
 *
 *   const receiver = await startReceiver({ auth: { type: 'basic', username: 'u', password: 'p' }, statuses: [503, 200] });
 *   await runCli(['send-sample', receiver.url, '--ca', ROOT_CA_FILE, ...]);
 *   receiver.requests;   // [{ method, path, headers, body, authorized, status }, …] in arrival order
 *   await receiver.close();
 *
 * Options (all optional):
 * - `auth`: what the receiver demands; a request that fails it gets 401 (and is still recorded):
 *   `{ type: 'none' }` (default) | `{ type: 'basic', username, password }` | `{ type: 'bearer', token }`
 *   | `{ type: 'oauth2', introspect(token) => Promise<boolean> }` (see oauth-provider.ts).
 * - `statuses`: status codes answered in turn to authorised requests; the last one repeats. Default [200].
 * - `respond(request, n)`: full control per authorised request (n counts from 0); overrides `statuses`.
 *   Returns a {@link Reply}: `{ status, headers?, body? }`, `{ status, bodyBytes }` (a streamed body of
 *   that size, never held in memory), `{ redirect: location, status? }` or `{ hang: true }` (never answers).
 * - `certificate`: a fixtures/certs base name: NAME.key with NAME-chain.pem (or NAME.pem when there is no
 *   chain file). Default 'good' (trusted through fixtures/certs/root-ca.pem); 'self-signed' is refused by
 *   a verifying client; 'expired', 'wrong-host', 'rsa1024', 'sha1' … as generate.sh makes them.
 * - Replies may carry `delayMs` to answer late (a slow endpoint).
 * - `recordBodies`: keep request bodies (default true; turn off for large bursts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ROOT } from './run-cli.js';

export const CERTS_DIR = `${ROOT}fixtures/certs/`;
/** Pass to the CLI with --ca so it trusts the 'good' certificate. */
export const ROOT_CA_FILE = `${CERTS_DIR}root-ca.pem`;

export type ReceiverAuth =
  | { type: 'none' }
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string }
  | { type: 'oauth2'; introspect: (token: string) => Promise<boolean> };

export type Reply =
  | { status: number; headers?: Record<string, string>; body?: string; delayMs?: number }
  | { status: number; bodyBytes: number }
  | { redirect: string; status?: number }
  | { hang: true };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** UTF-8 body ('' when recordBodies is off). */
  body: string;
  /** Whether it passed the auth check. */
  authorized: boolean;
  /** What the receiver answered; null when it hung. */
  status: number | null;
}

export interface ReceiverOptions {
  auth?: ReceiverAuth;
  statuses?: number[];
  respond?: (request: RecordedRequest, n: number) => Reply;
  certificate?: string;
  recordBodies?: boolean;
}

export interface Receiver {
  /** https://127.0.0.1:PORT/webhook */
  url: string;
  origin: string;
  port: number;
  requests: RecordedRequest[];
  /** TLS connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

function tlsFiles(name: string): { key: string; cert: string } {
  const read = (file: string) => readFileSync(`${CERTS_DIR}${file}`, 'utf8');
  const chain = `${name}-chain.pem`;
  return { key: read(`${name}.key`), cert: read(existsSync(`${CERTS_DIR}${chain}`) ? chain : `${name}.pem`) };
}

async function isAuthorized(auth: ReceiverAuth, header: string | undefined): Promise<boolean> {
  switch (auth.type) {
    case 'none':
      return true;
    case 'basic':
      return header === `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    case 'bearer':
      return header === `Bearer ${auth.token}`;
    case 'oauth2': {
      const match = /^Bearer (\S+)$/.exec(header ?? '');
      return match ? auth.introspect(match[1]!) : false;
    }
  }
}

function streamBody(res: ServerResponse, bytes: number): void {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let left = bytes;
  const pump = () => {
    while (left > 0) {
      const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= part.length;
      if (!res.write(part)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  pump();
}

function answer(res: ServerResponse, reply: Reply): number | null {
  if ('hang' in reply) return null;
  if ('redirect' in reply) {
    const status = reply.status ?? 302;
    res.writeHead(status, { location: reply.redirect, 'content-type': 'text/plain' }).end('moved');
    return status;
  }
  if ('bodyBytes' in reply) {
    res.writeHead(reply.status, { 'content-type': 'text/plain', 'content-length': String(reply.bodyBytes) });
    streamBody(res, reply.bodyBytes);
    return reply.status;
  }
  const send = () =>
    res.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers }).end(reply.body ?? '');
  if (reply.delayMs) setTimeout(send, reply.delayMs);
  else send();
  return reply.status;
}

export async function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  const auth = options.auth ?? { type: 'none' };
  const statuses = options.statuses ?? [200];
  const requests: RecordedRequest[] = [];
  let authorizedCount = 0;

  const server: Server = createServer(tlsFiles(options.certificate ?? 'good'), (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      if (options.recordBodies !== false) chunks.push(chunk);
    });
    req.on('end', () => {
      void (async () => {
        const record: RecordedRequest = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          authorized: await isAuthorized(auth, req.headers.authorization),
          status: null,
        };
        requests.push(record);
        if (!record.authorized) {
          record.status = 401;
          res.writeHead(401, {
            'www-authenticate': auth.type === 'basic' ? 'Basic realm="webhook"' : 'Bearer',
          });
          res.end('unauthorized');
          return;
        }
        const n = authorizedCount++;
        const reply: Reply = options.respond?.(record, n) ?? {
          status: statuses[Math.min(n, statuses.length - 1)]!,
          body: `{"received":${n + 1}}`,
          headers: { 'content-type': 'application/json' },
        };
        record.status = answer(res, reply);
      })();
    });
  });
  let connections = 0;
  server.on('secureConnection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `https://127.0.0.1:${port}`;
  return {
    url: `${origin}/webhook`,
    origin,
    port,
    requests,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
