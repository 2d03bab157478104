import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';

/**
 * A stream that is usable at once and joins a CONNECT tunnel when it opens: writes wait for it,
 * reads come from it, and 'connect' is emitted then, as a net.Socket does. It lets the TLS probes,
 * which call a synchronous connect function, run unchanged through a proxy.
 */
export class TunnelStream extends Duplex {
  #socket: Socket | undefined;
  #waiting: (() => void)[] = [];

  constructor(open: Promise<Socket>) {
    super();
    open.then(
      (socket) => {
        if (this.destroyed) {
          socket.destroy();
          return;
        }
        this.#socket = socket;
        socket.on('data', (chunk: Buffer) => {
          if (!this.push(chunk)) socket.pause();
        });
        socket.on('end', () => this.push(null));
        socket.on('error', (error) => this.destroy(error));
        socket.on('close', () => this.destroy());
        for (const run of this.#waiting.splice(0)) run();
        this.emit('connect');
      },
      (error: Error) => this.destroy(error),
    );
  }

  override _read(): void {
    this.#socket?.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const write = () => void this.#socket!.write(chunk, callback);
    if (this.#socket) write();
    else this.#waiting.push(write);
  }

  override _final(callback: (error?: Error | null) => void): void {
    const end = () => {
      this.#socket!.end();
      callback();
    };
    if (this.#socket) end();
    else this.#waiting.push(end);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#socket?.destroy();
    callback(error);
  }

  /** What node:net callers may call on a socket; a tunnel has nothing to tune. */
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  setTimeout(): this {
    return this;
  }
}
