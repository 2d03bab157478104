import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bindServer } from '../serve/bind-server.js';
import { handleRequest, type RequestPolicy } from './handle-request.js';
import type { ListenEntry } from './listen-types.js';

export interface ServeOptions {
  /** TLS material; plain http when absent. */
  tls?: { cert: Buffer; key: Buffer };
  port: number;
  host: string;
  timeoutMs: number;
  maxRequests?: number;
  /** Aborted by the CLI on Ctrl-C or SIGTERM. */
  stop: AbortSignal;
  onEntry: (entry: ListenEntry) => void;
}

export interface Serving {
  /** The URL actually listened on (with the real port for --port 0). */
  url: string;
  /** Settles once listen has stopped and every request in flight was answered. */
  stopped: Promise<void>;
}

/**
 * Serves until stopped: Ctrl-C/SIGTERM (the `stop` signal) or the --max-requests-th answer. Then
 * it stops accepting, finishes the requests in flight and settles. Slow headers and bodies are cut
 * by the server's own timeouts, so no client can hold a connection open for long.
 */
export async function serveRequests(
  options: ServeOptions,
  policy: Omit<RequestPolicy, 'stopping'>,
): Promise<Serving> {
  let stopping = false;
  let seq = 0;
  let answered = 0;
  let inFlight = 0;
  const full: RequestPolicy = { ...policy, stopping: () => stopping };
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    handleRequest(req, res, ++seq, full)
      .catch((error: unknown) => {
        policy.warn(`request failed inside listen: ${(error as Error).message}`);
        if (!res.headersSent) res.writeHead(500, { connection: 'close' }).end();
        return undefined;
      })
      .then((entry) => {
        inFlight--;
        if (entry) options.onEntry(entry);
        answered++;
        if (options.maxRequests !== undefined && answered >= options.maxRequests) stop();
        else if (stopping && inFlight === 0) server.closeIdleConnections();
        settleWhenDone();
      })
      .catch(() => undefined);
  };
  // Node checks headersTimeout and requestTimeout only every connectionsCheckingInterval (30 s by
  // default); checked more often, a slow client is cut close to --timeout.
  const serverOptions = { connectionsCheckingInterval: Math.max(50, Math.min(1000, options.timeoutMs / 4)) };
  const server: Server = options.tls
    ? (await import('node:https')).createServer(
        // A client that never completes the TLS handshake is cut at --timeout too.
        { ...serverOptions, ...options.tls, minVersion: 'TLSv1.2', handshakeTimeout: options.timeoutMs },
        onRequest,
      )
    : (await import('node:http')).createServer(serverOptions, onRequest);
  server.requestTimeout = options.timeoutMs;
  server.headersTimeout = options.timeoutMs;
  server.keepAliveTimeout = 5000;
  // A connection silent for longer than any answer may take (a relay or a key fetch takes up to
  // --timeout per step) is cut, whatever state it is in.
  server.setTimeout(3 * options.timeoutMs, (socket) => socket.destroy());

  await bindServer(server, options.host, options.port, {
    portFlag: '--port',
    inUseCode: 'listen.address-in-use',
  });
  server.on('error', (error) => policy.warn(`server error: ${error.message}`));

  // Read while it listens: a stop during start-up (SIGTERM) closes it at once.
  const { port } = server.address() as AddressInfo;
  let settle: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (settle = resolve));
  let closed = false;
  let cutConnections: NodeJS.Timeout | undefined;
  // Stopped means closed AND every request's entry handed over: a request answered during shutdown
  // (a 408 for a body cut short) is in the summary as it is in the log.
  function settleWhenDone(): void {
    if (!closed || inFlight > 0) return;
    clearTimeout(cutConnections);
    settle();
  }
  function stop(): void {
    if (stopping) return;
    stopping = true;
    options.stop.removeEventListener('abort', stop);
    server.close(() => {
      closed = true;
      settleWhenDone();
    });
    server.closeIdleConnections();
    // Requests still in flight get the time any request has; then the connections go.
    cutConnections = setTimeout(() => server.closeAllConnections(), options.timeoutMs);
  }
  if (options.stop.aborted) stop();
  else options.stop.addEventListener('abort', stop);

  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return { url: `${options.tls ? 'https' : 'http'}://${host}:${port}/`, stopped };
}
