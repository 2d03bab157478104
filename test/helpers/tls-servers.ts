import { readFileSync } from 'node:fs';
import { connect as connectTcp, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type SecureVersion, type TlsOptions } from 'node:tls';
import { ROOT } from './run-cli.js';

/** fixtures/certs, made by fixtures/certs/generate.sh. */
export const CERTS = `${ROOT}fixtures/certs/`;
export const cert = (name: string): string => `${CERTS}${name}`;
const read = (name: string) => readFileSync(cert(name));

/** OpenSSL 3 refuses TLS 1.0/1.1 and SHA-1 certificates at its default level; tests opt in. */
export const LEGACY_CIPHERS = 'DEFAULT@SECLEVEL=0';

export interface RunningServer {
  port: number;
  /** Bytes of application data received after handshakes (check-tls must never send any). */
  appBytes(): number;
  close(): Promise<void>;
}

/** Listens on host:0 and tracks the sockets, so close() ends open connections too. */
export function track(server: Server, host: string, appBytes: () => number): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('no port'));
      resolve({
        port: address.port,
        appBytes,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

export interface TlsServerOptions {
  key: string;
  /** The certificates the server sends, e.g. good-chain.pem (leaf + intermediate) or good.pem. */
  cert: string;
  minVersion?: SecureVersion;
  maxVersion?: SecureVersion;
  ciphers?: string;
  host?: string;
  /**
   * Ask clients for a certificate (trusting fixtures' root-ca.pem); `'require'` also refuses a client
   * without one, as a server configured for mutual TLS does.
   */
  clientCertificate?: 'request' | 'require';
}

/** A real TLS server on loopback with fixture certificates; it answers nothing, it only handshakes. */
export function startTlsServer(options: TlsServerOptions): Promise<RunningServer> {
  const tlsOptions: TlsOptions = {
    key: read(options.key),
    cert: read(options.cert),
    minVersion: options.minVersion ?? 'TLSv1.2',
    maxVersion: options.maxVersion ?? 'TLSv1.3',
    ALPNProtocols: ['h2', 'http/1.1'],
    ...(options.ciphers ? { ciphers: options.ciphers } : {}),
    ...(options.clientCertificate
      ? {
          requestCert: true,
          rejectUnauthorized: options.clientCertificate === 'require',
          ca: [read('root-ca.pem')],
        }
      : {}),
  };
  let bytes = 0;
  const server = createTlsServer(tlsOptions, (socket) => {
    socket.on('data', (d: Buffer) => (bytes += d.length));
    socket.on('error', () => undefined);
  });
  server.on('tlsClientError', () => undefined);
  return track(server, options.host ?? '127.0.0.1', () => bytes);
}

/** Accepts TCP connections and never says a word. */
export function startSilentServer(): Promise<RunningServer> {
  return track(
    createTcpServer(() => undefined),
    '127.0.0.1',
    () => 0,
  );
}

/** Writes bytes that are not TLS as soon as a client connects. */
export function startGarbageServer(): Promise<RunningServer> {
  const garbage = Buffer.from('8f1c2a00ffee99887766554433221100', 'hex');
  return track(
    createTcpServer((s) => s.end(garbage)),
    '127.0.0.1',
    () => 0,
  );
}

/** A plain HTTP/1.1 server's answer to a TLS ClientHello. */
export function startPlainHttpServer(): Promise<RunningServer> {
  return track(
    createTcpServer((s) => {
      s.once('data', () =>
        s.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'),
      );
    }),
    '127.0.0.1',
    () => 0,
  );
}

/**
 * A loopback port with nothing listening. Port 1 (tcpmux) is privileged and unused in practice; a
 * port bound and then released could be handed to another test process before the CLI connects.
 */
export const CLOSED_PORT = 1;

/**
 * A TLS server that stalls mid-handshake: it relays to a real TLS server with the good certificate,
 * but passes only the first `bytes` of the server's answer (part of its first flight) and then
 * nothing more, keeping the connection open.
 */
export async function startStallingTlsServer(bytes = 100): Promise<RunningServer> {
  const backend = await startTlsServer({ key: 'good.key', cert: 'good-chain.pem' });
  const relays = new Set<Socket>();
  const front = createTcpServer((client) => {
    const upstream = connectTcp(backend.port, '127.0.0.1');
    relays.add(upstream);
    upstream.on('close', () => relays.delete(upstream));
    upstream.on('error', () => undefined);
    client.on('error', () => undefined);
    client.pipe(upstream);
    let passed = 0;
    upstream.on('data', (chunk: Buffer) => {
      const part = chunk.subarray(0, Math.max(0, bytes - passed));
      passed += part.length;
      if (part.length > 0) client.write(part);
    });
  });
  const running = await track(front, '127.0.0.1', () => 0);
  return {
    ...running,
    close: async () => {
      for (const s of relays) s.destroy();
      await Promise.all([running.close(), backend.close()]);
    },
  };
}
