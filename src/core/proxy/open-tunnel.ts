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
}

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
        settle(() => resolve(socket));
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
