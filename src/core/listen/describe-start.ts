import type { ListenOptions, ListenStart } from './listen-types.js';
import { count } from '../text/count.js';

/**
 * The URL a client on this machine would use: a listener on every interface (0.0.0.0, ::) is
 * reached at the loopback address of its family.
 */
export function clientUrl(url: string): string {
  return url.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//[::1]:');
}

/** The start-up line's parts: where, which authentication (no secrets), which policy. */
export function describeStart(url: string, o: ListenOptions, warnings: string[]): ListenStart {
  const auth =
    o.auth === 'oauth2'
      ? `oauth2 (issuer ${o.issuers.join(', ')}; audience ${o.audiences.join(', ')}${o.scope ? `; scope or role ${o.scope}` : ''})`
      : o.auth;
  const inferred = o.inferredFrom ? ` (inferred from ${o.inferredFrom.join(' and ')})` : '';
  const policy = [
    o.spec ? `schema ${o.spec}` : 'bundled schemas',
    o.type === 'auto' ? undefined : `type ${o.type}`,
    o.strict ? 'strict' : undefined,
    o.forwardTo ? `forward to ${o.forwardTo}` : o.rejectInvalid ? 'invalid → 400' : undefined,
    o.forwardTo ? undefined : `respond ${(o.respond.length > 0 ? o.respond : [200]).join(',')}`,
    o.save ? `save to ${o.save}` : undefined,
    `max body ${o.maxBody} bytes`,
    o.maxRequests ? `stop after ${count(o.maxRequests, 'request')}` : undefined,
  ].filter(Boolean);
  const everywhere = o.host === '0.0.0.0' || o.host === '::';
  return {
    url: clientUrl(url),
    auth: `${auth}${inferred}`,
    policy: [...(everywhere ? [`on every interface (${o.host})`] : []), ...policy].join(', '),
    warnings,
  };
}
