import type { Socket } from 'node:net';
import type { ConnectionOptions, TLSSocket } from 'node:tls';

/** `tls.connect`, injectable so that tests and other transports can stand in. */
export type ConnectTls = (options: ConnectionOptions) => TLSSocket;
/** `net.connect`, used only to read what a port answers when it does not speak TLS. */
export type ConnectTcp = (options: { host: string; port: number }) => Socket;
