import { request as httpRequest, type IncomingMessage } from 'node:http';
import { USER_AGENT } from '../net/user-agent.js';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import type { SecureContext } from 'node:tls';
import { describeProxyRefusal, proxyTunnelBodyError, proxyUnreachableError } from './proxy-failure.js';
import type { ProxyEndpoint } from '../net/select-proxy.js';

export interface TunnelOptions {
  timeoutMs: number;
  /** For an https:// proxy: the trust store (public roots plus --ca). */
  secureContext?: SecureContext;
  signal?: AbortSignal;
  /**
   * For a check of the proxy only: after its 2xx answer, listen this long for bytes the client did
   * not ask for (a body or banner sent in a packet of its own), which name the proxy too.
   */
  quietMs?: number;
}

/** How long a check of the proxy listens after its 2xx answer to CONNECT for bytes of its own. */
export const PROXY_QUIET_MS = 100;

/**
 * Opens a byte stream to host:port through the proxy with HTTP CONNECT (RFC 9110 §9.3.6), so a TLS
 * handshake on it reaches the endpoint itself: the certificate seen is the endpoint's, unless the
 * proxy intercepts TLS (then its own CA shows up as the issuer).
 */
export function openTunnel(
  proxy: ProxyEndpoint,
  host: string,
  port: number,
  options: TunnelOptions,
): Promise<Socket> {
  const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const request = (proxy.url.protocol === 'https:' ? httpsRequest : httpRequest)({
    host: proxy.url.hostname.replace(/^\[|\]$/g, ''),
    port: proxy.url.port || (proxy.url.protocol === 'https:' ? 443 : 80),
    method: 'CONNECT',
    path: authority,
    agent: false,
    headers: {
      host: authority,
      'user-agent': USER_AGENT,
      ...(proxy.authorization ? { 'proxy-authorization': proxy.authorization } : {}),
    },
    ...(proxy.url.protocol === 'https:'
      ? { secureContext: options.secureContext, rejectUnauthorized: true, servername: proxy.url.hostname }
      : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return new Promise<Socket>((resolve, reject) => {
    const timer = setTimeout(() => {
      request.destroy();
      reject(proxyUnreachableError(proxy, `no answer to CONNECT within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    const settle = (fn: () => void) => {
      clearTimeout(timer);
      fn();
    };
    request.once('connect', (response: IncomingMessage, socket: Socket, head: Buffer) => {
      const status = response.statusCode ?? 0;
      if (status >= 200 && status < 300 && head.length === 0) {
        if (!options.quietMs) {
          settle(() => resolve(socket));
          return;
        }
        clearTimeout(timer);
        let decided = false;
        const ignore = () => undefined;
        const unasked = (chunk: Buffer) => {
          if (decided) return;
          decided = true;
          clearTimeout(quiet);
          socket.destroy();
          reject(proxyTunnelBodyError(proxy, authority, chunk));
        };
        // When the quiet time is up, bytes may already be waiting on the socket (a busy event loop
        // runs due timers before it reads): one more turn of the loop reads them before deciding.
        const quiet = setTimeout(() => {
          setImmediate(() => {
            if (decided) return;
            decided = true;
            socket.off('data', unasked);
            socket.off('error', ignore);
            socket.pause();
            resolve(socket);
          });
        }, options.quietMs);
        socket.on('error', ignore);
        socket.on('data', unasked);
        return;
      }
      socket.destroy();
      // Bytes after a 2xx answer, before the client sent anything: a body or banner of the proxy's
      // (a TLS server speaks only after the ClientHello), not the endpoint failing to speak TLS.
      if (status >= 200 && status < 300) {
        settle(() => reject(proxyTunnelBodyError(proxy, authority, head)));
        return;
      }
      settle(() => reject(describeProxyRefusal(proxy, authority, response)));
    });
    // A proxy that answers CONNECT with an ordinary response (some do for errors).
    request.once('response', (response: IncomingMessage) => {
      response.resume();
      settle(() => reject(describeProxyRefusal(proxy, authority, response)));
    });
    request.once('error', (error) => settle(() => reject(proxyUnreachableError(proxy, error))));
    request.end();
  });
}
