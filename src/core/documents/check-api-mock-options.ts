import { UsageError } from '../../errors.js';
import { isLoopbackHost } from '../net/loopback.js';

export interface ApiMockOptions {
  cert?: string;
  key?: string;
  http: boolean;
  port: number;
  host: string;
  linkTtlSeconds: number;
  username: string;
  password: string;
  timeoutMs: number;
}

/** Flag combinations that cannot work, refused before anything listens; returns start-up warnings. */
export function checkApiMockOptions(o: ApiMockOptions): string[] {
  if (o.http && (o.cert || o.key)) {
    throw new UsageError(
      '--http serves plain HTTP, so --cert and --key do not apply',
      'Give either --cert and --key, or --http',
    );
  }
  if (!o.http && (!o.cert || !o.key)) {
    const missing = !o.cert && !o.key ? '--cert and --key' : !o.cert ? '--cert' : '--key';
    throw new UsageError(
      `api-mock needs ${missing} (HTTPS, as Tradecloud's API is served) or --http`,
      'Give a certificate chain and key your integration trusts, or --http when the integration runs on this machine',
    );
  }
  // The login carries the API password: in clear text only where it never leaves this machine.
  if (o.http && !isLoopbackHost(o.host)) {
    return [
      `API credentials will arrive in clear text on ${o.host}; keep the plain HTTP side on a private network, or serve HTTPS with --cert and --key`,
    ];
  }
  return [];
}
