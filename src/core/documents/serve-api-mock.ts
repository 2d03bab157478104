import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bindServer } from '../serve/bind-server.js';
import { loggablePath } from '../serve/loggable-path.js';
import type { ApiActivity } from './api-mock-types.js';
import { answerApiRequest, createApiMockState, type ApiMockPolicy } from './answer-api-request.js';

export interface ApiMockServeOptions {
  /** TLS material; plain http when absent. */
  tls?: { cert: Buffer; key: Buffer };
  port: number;
  host: string;
  /** The flag that chose the port, for the hint when it is taken. */
  portFlag: string;
  timeoutMs: number;
  /** Stops the mock (Ctrl-C / SIGTERM standing alone; the end of the run inside a command). */
  stop: AbortSignal;
  /** Wall clock (ISO time of each request). */
  wallClock: () => number;
  onActivity: (activity: ApiActivity) => void;
}

export interface ApiMockServing {
  /** `http://127.0.0.1:PORT` (no trailing slash), with the real port for port 0. */
  origin: string;
  /** Settles once the mock has stopped and the requests in flight were answered. */
  stopped: Promise<void>;
}

/** Serves the document API mock until `stop` is aborted. */
export async function serveApiMock(
  options: ApiMockServeOptions,
  policy: ApiMockPolicy,
): Promise<ApiMockServing> {
  const state = createApiMockState();
  let seq = 0;
  const scheme = options.tls ? 'https' : 'http';
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const atMs = policy.now();
    const at = new Date(options.wallClock()).toISOString();
    const path = req.url ?? '/';
    const answer = answerApiRequest(
      {
        method: req.method ?? 'GET',
        path,
        origin: `${scheme}://${req.headers.host ?? `${options.host}:${options.port}`}`,
        ...(req.headers.authorization !== undefined ? { authorization: req.headers.authorization } : {}),
      },
      policy,
      state,
    );
    // Every endpoint is a GET: a body, if any, is read and dropped.
    req.resume();
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
    res.end(req.method === 'HEAD' ? undefined : answer.body);
    options.onActivity({
      seq: ++seq,
      at,
      atMs,
      method: req.method ?? 'GET',
      path: loggablePath(path.split('?', 1)[0]!),
      status: answer.status,
      ...answer.activity,
    });
  };
  const server: Server = options.tls
    ? (await import('node:https')).createServer(
        { ...options.tls, minVersion: 'TLSv1.2', handshakeTimeout: options.timeoutMs },
        onRequest,
      )
    : (await import('node:http')).createServer(onRequest);
  server.requestTimeout = options.timeoutMs;
  server.headersTimeout = options.timeoutMs;
  server.keepAliveTimeout = 5000;
  await bindServer(server, options.host, options.port, {
    portFlag: options.portFlag,
    inUseCode: 'documents-api.address-in-use',
  });

  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), options.timeoutMs).unref();
    };
    if (options.stop.aborted) stop();
    else options.stop.addEventListener('abort', stop, { once: true });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return { origin: `${scheme}://${host}:${port}`, stopped };
}
