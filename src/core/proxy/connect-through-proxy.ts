import type { Socket } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import type { ConnectTcp, ConnectTls } from '../net/connect-types.js';
import { openTunnel } from './open-tunnel.js';
import type { ProxyEndpoint } from '../net/select-proxy.js';
import { TunnelStream } from './tunnel-stream.js';

/**
 * The TLS and TCP connect functions of the probes, each connection a CONNECT tunnel through the
 * proxy: the handshakes still reach the endpoint itself, so its certificate is the one checked.
 */
export function connectThroughProxy(
  proxy: ProxyEndpoint,
  connectTls: ConnectTls,
  timeoutMs: number,
): { connectTls: ConnectTls; connectTcp: ConnectTcp } {
  const tunnel = (host: string, port: number) =>
    new TunnelStream(openTunnel(proxy, host.replace(/^\[|\]$/g, ''), port, { timeoutMs }));
  return {
    connectTls: (options: ConnectionOptions) =>
      connectTls({ ...options, socket: tunnel(options.host ?? 'localhost', Number(options.port ?? 443)) }),
    connectTcp: ({ host, port }) => tunnel(host, port) as unknown as Socket,
  };
}
