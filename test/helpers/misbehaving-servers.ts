import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer as createTcpServer, type Socket } from 'node:net';
import type { GradeServer } from './grade-servers.js';
import { cert, track } from './tls-servers.js';

/**
 * A real HTTPS server (fixture leaf + intermediate, TLS 1.2 and 1.3) behind a TCP front that decides,
 * per connection, whether the server gets it: `admit(index, clientVersion)` sees the connection's
 * number (0 first) and the ClientHello's client_version (0x0301 for a TLS 1.0 offer, 0x0303 for 1.2
 * and 1.3), and answers 'serve', 'silent' (accept, never answer) or 'reset' (TCP RST).
 */
export async function startFrontedServer(
  admit: (index: number, clientVersion: number) => 'serve' | 'silent' | 'reset',
): Promise<GradeServer> {
  const https = createHttpsServer(
    {
      key: readFileSync(cert('good.key')),
      cert: readFileSync(cert('good-chain.pem')),
      minVersion: 'TLSv1.2',
    },
    (_request, response) => response.end('ok'),
  );
  https.on('tlsClientError', () => undefined);
  const backend = await track(https, '127.0.0.1', () => 0);
  let count = 0;
  const front = createTcpServer((socket: Socket) => {
    const index = count++;
    socket.on('error', () => undefined);
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 11) return; // record header (5) + handshake header (4) + client_version (2)
      socket.off('data', onData);
      const decision = admit(index, received.readUInt16BE(9));
      if (decision === 'silent') return;
      if (decision === 'reset') {
        socket.resetAndDestroy();
        return;
      }
      // Relayed byte for byte to the HTTPS server (which sees the ClientHello as sent).
      const upstream = connect({ host: '127.0.0.1', port: backend.port });
      upstream.on('error', () => socket.destroy());
      socket.on('close', () => upstream.destroy());
      upstream.on('close', () => socket.destroy());
      upstream.write(received);
      socket.pipe(upstream).pipe(socket);
    };
    socket.on('data', onData);
  });
  const running = await track(front, '127.0.0.1', () => 0);
  return {
    port: running.port,
    close: async () => {
      await running.close();
      await backend.close();
    },
  };
}
