/**
 * A raw TLS (or plain TCP) server on 127.0.0.1 that misbehaves at the HTTP level in ways a real HTTP
 * server library will not: it reads each request's head and body, then hands the socket to `behave`,
 * which writes whatever bytes it likes.
 *
 *   const server = await startRawServer((socket) => socket.end('HTTP/1.1 100 Continue\r\n\r\n'));
 *   await runCli(['send-sample', server.url, '--ca', ROOT_CA_FILE]);
 */
import { readFileSync } from 'node:fs';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { CERTS_DIR } from './receiver.js';

export interface RawServer {
  url: string;
  port: number;
  /** Requests read (head and body complete). */
  requests: number;
  /** TCP connections accepted, requests or not. */
  connections: number;
  close(): Promise<void>;
}

/** Writes `text` one byte every `intervalMs` until the socket closes. */
export function trickle(socket: Socket, text: string, intervalMs = 100): void {
  let at = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || at >= text.length) {
      clearInterval(timer);
      return;
    }
    socket.write(text[at++]!);
  }, intervalMs);
  socket.on('close', () => clearInterval(timer));
}

export async function startRawServer(
  behave: (socket: Socket, n: number) => void,
  options: { tls?: boolean } = {},
): Promise<RawServer> {
  const sockets = new Set<Socket>();
  const state = { requests: 0, connections: 0 };
  const onSocket = (socket: Socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffered.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (buffered.length < end + 4 + length) return;
      socket.off('data', onData);
      behave(socket, state.requests++);
    };
    socket.on('data', onData);
  };
  const server: Server =
    options.tls === false
      ? createTcpServer(onSocket)
      : createTlsServer(
          {
            key: readFileSync(`${CERTS_DIR}good.key`),
            cert: readFileSync(`${CERTS_DIR}good-chain.pem`),
          },
          onSocket,
        );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls === false ? 'http' : 'https'}://127.0.0.1:${port}/webhook`,
    port,
    get requests() {
      return state.requests;
    },
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
