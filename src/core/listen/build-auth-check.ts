import type { AuthCheck } from '../serve/auth-outcome.js';
import { basicAuthCheck, bearerAuthCheck } from '../serve/check-static-auth.js';
import { type KeyFetch, loadIssuerKeys, pairIssuers } from './issuer-keys.js';
import type { ListenOptions } from './listen-types.js';

/** Tolerated clock difference for exp and nbf. */
const CLOCK_SKEW_S = 60;

/** The check each request's Authorization header goes through; oauth2 reads the issuers' keys first. */
export async function buildAuthCheck(
  o: ListenOptions,
  keyFetch: () => Promise<KeyFetch>,
): Promise<AuthCheck> {
  switch (o.auth) {
    case 'none':
      return () => ({ ok: true, scheme: 'none' });
    case 'basic':
      return basicAuthCheck(o.username!, o.password!);
    case 'bearer':
      return bearerAuthCheck(o.token!);
    case 'oauth2': {
      const accepted = pairIssuers(o.issuers, o.audiences);
      const keysFor = await loadIssuerKeys({
        issuers: o.issuers,
        audiences: o.audiences,
        ...(o.jwksUrl ? { jwksUrl: o.jwksUrl } : {}),
        fetch: await keyFetch(),
        timeoutMs: o.timeoutMs,
      });
      const { oauth2AuthCheck } = await import('./oauth2-auth-check.js');
      return oauth2AuthCheck({
        accepted,
        keysFor,
        clockToleranceS: CLOCK_SKEW_S,
        ...(o.scope ? { scope: o.scope } : {}),
      });
    }
  }
}
