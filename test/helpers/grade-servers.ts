import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server } from 'node:net';
import type { SecureVersion } from 'node:tls';
import { cert, track } from './tls-servers.js';

export interface GradeServer {
  port: number;
  close(): Promise<void>;
}

function listen(server: Server): Promise<GradeServer> {
  return track(server, '127.0.0.1', () => 0);
}

export interface GradeServerOptions {
  key: string;
  cert: string;
  minVersion?: SecureVersion;
  maxVersion?: SecureVersion;
  /** OpenSSL cipher list for TLS 1.2 and below (and TLS 1.3 suite names, which node:tls splits out). */
  ciphers?: string;
  /** A DH parameter file from fixtures/certs, for DHE suites. */
  dhparam?: string;
  honorCipherOrder?: boolean;
  /** The Strict-Transport-Security value to answer with; none when left out. */
  hsts?: string;
  /** Staple these bytes as the OCSP response (node:tls passes them on without checking them). */
  ocspResponse?: Buffer;
}

/** A real HTTPS server on loopback answering every request with 200 (and HSTS when asked). */
export function startGradeServer(options: GradeServerOptions): Promise<GradeServer> {
  const server = createHttpsServer(
    {
      key: readFileSync(cert(options.key)),
      cert: readFileSync(cert(options.cert)),
      minVersion: options.minVersion ?? 'TLSv1.2',
      maxVersion: options.maxVersion ?? 'TLSv1.3',
      ...(options.ciphers ? { ciphers: options.ciphers } : {}),
      ...(options.dhparam ? { dhparam: readFileSync(cert(options.dhparam)) } : {}),
      honorCipherOrder: options.honorCipherOrder ?? false,
    },
    (_request, response) => {
      if (options.hsts) response.setHeader('strict-transport-security', options.hsts);
      response.end('ok');
    },
  );
  server.on('tlsClientError', () => undefined);
  const staple = options.ocspResponse;
  if (staple) {
    server.on('OCSPRequest', (_cert: Buffer, _issuer: Buffer, done: (e: Error | null, r?: Buffer) => void) =>
      done(null, staple),
    );
  }
  return listen(server);
}

/**
 * Answers a TLS 1.0–1.2 ClientHello the way a server that accepts exactly `suites` (in this order of
 * preference) at `version` would: a ServerHello naming its choice, or a handshake_failure alert. It
 * stands in for servers node:tls and this machine's OpenSSL cannot be (3DES, RC4, EXPORT) and never
 * completes a handshake: check-tls --grade only reads the ServerHello of such offers.
 */
export function startServerHelloServer(options: { version: number; suites: number[] }): Promise<GradeServer> {
  const server = createTcpServer((socket) => {
    let received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 5 || received.length < 5 + received.readUInt16BE(3)) return;
      const hello = received.subarray(5);
      const version = hello.readUInt16BE(4);
      const sessionIdLength = hello[4 + 34]!;
      const at = 4 + 35 + sessionIdLength;
      const count = hello.readUInt16BE(at) / 2;
      const offered = Array.from({ length: count }, (_, i) => hello.readUInt16BE(at + 2 + i * 2));
      const choice = options.suites.find((s) => offered.includes(s));
      if (version < options.version || choice === undefined) {
        socket.end(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28])); // fatal handshake_failure
        return;
      }
      const body = [
        ...[options.version >> 8, options.version & 0xff],
        ...new Array<number>(32).fill(7), // random
        0, // session id
        choice >> 8,
        choice & 0xff,
        0, // compression
      ];
      const handshake = [0x02, 0, 0, body.length, ...body];
      socket.end(Buffer.from([0x16, 0x03, 0x03, 0, handshake.length, ...handshake]));
    });
  });
  return listen(server);
}
