import { Duplex } from 'node:stream';
import type { ConnectTcp, ConnectTls } from './probe-types.js';

export interface GreetingOptions {
  connect: ConnectTls;
  connectTcp: ConnectTcp;
  host: string;
  port: number;
  servername?: string;
  timeoutMs: number;
}

const KEEP_BYTES = 256;

/**
 * Sends a real ClientHello and records the first bytes the port answers, so that a port that does not
 * speak TLS can be named by what it does speak (`HTTP/1.1 400 Bad Request`). OpenSSL consumes those
 * bytes inside a normal handshake, so the TCP stream is passed through a recording Duplex instead.
 * Used only after every handshake failed; no data other than the ClientHello is sent.
 */
export function readGreeting(options: GreetingOptions): Promise<Buffer> {
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    let size = 0;
    const tcp = options.connectTcp({ host: options.host, port: options.port });
    const stream = new Duplex({
      read: () => {
        tcp.resume();
      },
      write: (chunk: Buffer, _encoding, callback) => {
        tcp.write(chunk, callback);
      },
      final: (callback) => {
        tcp.end();
        callback();
      },
    });
    tcp.on('data', (chunk: Buffer) => {
      if (size < KEEP_BYTES) received.push(chunk);
      size += chunk.length;
      if (!stream.push(chunk)) tcp.pause();
    });
    tcp.on('end', () => stream.push(null));
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      tls.destroy();
      tcp.destroy();
      resolve(Buffer.concat(received).subarray(0, KEEP_BYTES));
    };
    const timer = setTimeout(finish, options.timeoutMs);
    tcp.on('error', finish);
    tcp.on('close', finish);
    const tls = options.connect({
      socket: stream,
      servername: options.servername,
      // Inspection only: this socket never carries data (see runHandshake).
      rejectUnauthorized: false,
    });
    tls.on('error', finish);
    tls.on('secureConnect', finish);
  });
}
