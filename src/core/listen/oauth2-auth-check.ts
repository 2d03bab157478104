import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { type AuthCheck, type AuthOutcome, bearerChallenge } from '../serve/auth-outcome.js';
import { bearerTokenOf } from '../serve/check-static-auth.js';
import { describeJoseError, shown } from './describe-jose-error.js';
import { grantsScope } from './token-scope.js';

/** Which audiences each accepted issuer may carry (Entra ID v1 and v2 tokens differ in both). */
export type IssuerAudiences = Map<string, string[]>;

export interface OAuth2CheckOptions {
  accepted: IssuerAudiences;
  /** The key set of each issuer (from --jwks-url or the issuer's discovery document). */
  keysFor: (issuer: string) => JWTVerifyGetKey;
  scope?: string;
  /** Seconds of clock difference tolerated for exp, nbf and iat. */
  clockToleranceS: number;
  /** The clock, in seconds since the epoch (tests set it). */
  now?: () => number;
}

/** Signature algorithms Entra ID and other providers use for access tokens; never `none` or HMAC. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/**
 * Verifies a bearer JWT as an API protected by Microsoft Entra ID must: signature against the
 * issuer's published keys, `iss`, `aud`, `exp` (required), `nbf` and `iat` (neither in the future
 * beyond the clock tolerance), and the required scope or app role.
 * https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-tokens
 */
export async function oauth2AuthCheck(options: OAuth2CheckOptions): Promise<AuthCheck> {
  const jose = await import('jose');
  const fail = (
    reason: string,
    status: 401 | 403 = 401,
    challenge = bearerChallenge('invalid_token'),
  ): AuthOutcome => ({
    ok: false,
    scheme: 'oauth2',
    reason,
    status,
    challenge,
  });
  return async (header) => {
    const presented = bearerTokenOf(header);
    if ('reason' in presented) return { ...presented, scheme: 'oauth2' };
    let unverified: JWTPayload;
    try {
      unverified = jose.decodeJwt(presented.token);
    } catch {
      return fail('the bearer token is not a JWT');
    }
    const issuer = typeof unverified.iss === 'string' ? unverified.iss : undefined;
    const audiences = issuer === undefined ? undefined : options.accepted.get(issuer);
    if (issuer === undefined || audiences === undefined) {
      const listed = [...options.accepted.keys()].join(', ');
      return fail(
        `${issuer === undefined ? 'the token has no issuer' : `issuer ${shown(issuer)} is not accepted`} (accepted: ${listed})`,
      );
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jose.jwtVerify(presented.token, options.keysFor(issuer), {
        issuer,
        audience: audiences,
        algorithms: ALGORITHMS,
        clockTolerance: options.clockToleranceS,
        // A token that never expires is refused.
        requiredClaims: ['exp'],
        ...(options.now ? { currentDate: new Date(options.now() * 1000) } : {}),
      }));
    } catch (error) {
      return fail(describeJoseError(error, unverified, audiences));
    }
    // jose checks `iat` only against a maximum age; one in the future is as suspect as a future nbf.
    const nowS = options.now ? options.now() : Date.now() / 1000;
    if (typeof payload.iat === 'number' && payload.iat > nowS + options.clockToleranceS) {
      return fail(
        `the token was issued in the future (iat ${new Date(payload.iat * 1000).toISOString()}, beyond the ${options.clockToleranceS} s clock tolerance)`,
      );
    }
    if (options.scope !== undefined && !grantsScope(payload, options.scope)) {
      const challenge = bearerChallenge('insufficient_scope', `, scope="${options.scope}"`);
      return fail(
        `the token carries neither the role nor the scope "${options.scope}" (in roles, scp or scope)`,
        403,
        challenge,
      );
    }
    return { ok: true, scheme: 'oauth2' };
  };
}
