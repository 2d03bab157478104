import { request as httpRequest } from 'node:http';
import { NetworkError } from '../../errors.js';
import { openTunnel, type TunnelOptions } from './open-tunnel.js';
import { describeProxyRefusal, ProxyError, proxyUnreachableError } from './proxy-failure.js';
import type { ProxyEndpoint } from '../net/select-proxy.js';

const PROXY_ANSWER = /Proxy response \((\d+)\)|Proxy Authentication Required \((\d+)\)/;
const CANNOT_CONNECT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
]);

/** Errors of a TLS handshake that read bytes which were not TLS, or lost its connection. */
const SPOILT_TUNNEL = /^(ERR_SSL_|ECONNRESET$|UND_ERR_SOCKET$)/;

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause && cause !== error ? codeOf(cause) : undefined;
}

function messagesOf(error: unknown): string {
  const parts: string[] = [];
  for (let e = error; e instanceof Error && parts.length < 4; e = e.cause) parts.push(e.message);
  return parts.join(' ');
}

/**
 * When a request through a proxy fails, says whether the proxy is the reason, in the proxy's own
 * words: undici reports only "Proxy response (407) !== 200", so one diagnostic CONNECT (or, for an
 * http target, one proxied HEAD) reads the status and the authentication schemes the proxy offers.
 * Returns undefined when the failure is the endpoint's, not the proxy's.
 */
export async function diagnoseProxyFailure(
  error: unknown,
  proxy: ProxyEndpoint,
  target: URL,
  options: TunnelOptions,
): Promise<NetworkError | undefined> {
  const code = codeOf(error);
  const answered = PROXY_ANSWER.exec(messagesOf(error));
  if (!answered && target.protocol === 'https:' && code && SPOILT_TUNNEL.test(code)) {
    // A handshake that read something other than TLS: the proxy's own bytes after its 200 answer
    // (named by one diagnostic CONNECT), or else the endpoint's, reported as they are.
    return await proxyFaultOfTunnel(proxy, target, options);
  }
  if (!answered && !(code && CANNOT_CONNECT.has(code))) return undefined;
  if (!answered && code) {
    // Every connection goes to the proxy first: a refused or unresolvable connection is the proxy's.
    if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
      return proxyUnreachableError(proxy, `no connection within ${options.timeoutMs} ms`);
    }
    return proxyUnreachableError(proxy, error);
  }
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  try {
    if (target.protocol === 'https:') {
      const socket = await openTunnel(proxy, target.hostname.replace(/^\[|\]$/g, ''), port, options);
      socket.destroy();
    } else {
      await probePlainProxy(proxy, target, options);
    }
  } catch (diagnosed) {
    if (diagnosed instanceof NetworkError) return diagnosed;
  }
  const status = answered?.[1] ?? answered?.[2] ?? '?';
  return new ProxyError(
    `the proxy ${proxy.display} answered ${status} instead of connecting to ${target.host}`,
    'Check the proxy settings (HTTPS_PROXY / HTTP_PROXY, --proxy) and what the proxy allows',
  );
}

/** The proxy's fault found by one CONNECT to the target (refusal, body after 200), if any. */
async function proxyFaultOfTunnel(
  proxy: ProxyEndpoint,
  target: URL,
  options: TunnelOptions,
): Promise<ProxyError | undefined> {
  const port = Number(target.port || 443);
  try {
    (await openTunnel(proxy, target.hostname.replace(/^\[|\]$/g, ''), port, options)).destroy();
  } catch (diagnosed) {
    if (diagnosed instanceof ProxyError) return diagnosed;
  }
  return undefined;
}

/** One proxied HEAD in absolute form, to read a refusal's status and Proxy-Authenticate. */
function probePlainProxy(proxy: ProxyEndpoint, target: URL, options: TunnelOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({
      host: proxy.url.hostname.replace(/^\[|\]$/g, ''),
      port: proxy.url.port || 80,
      method: 'HEAD',
      path: target.href,
      agent: false,
      headers: {
        host: target.host,
        ...(proxy.authorization ? { 'proxy-authorization': proxy.authorization } : {}),
      },
      timeout: options.timeoutMs,
    });
    request.once('response', (response) => {
      response.resume();
      if (response.statusCode === 407) reject(describeProxyRefusal(proxy, target.host, response));
      else resolve();
    });
    request.once('timeout', () => {
      request.destroy();
      reject(proxyUnreachableError(proxy, `no answer within ${options.timeoutMs} ms`));
    });
    request.once('error', (error) => reject(proxyUnreachableError(proxy, error)));
    request.end();
  });
}
