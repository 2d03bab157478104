import { createHash, timingSafeEqual } from 'node:crypto';
import { type AuthCheck, type AuthOutcome, bearerChallenge, REALM } from './auth-outcome.js';

/**
 * Compares in constant time: both sides are hashed first, so neither the content nor the length of
 * the secret leaks through timing.
 */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

const BASIC_CHALLENGE = `Basic realm="${REALM}", charset="UTF-8"`;

/** HTTP Basic (RFC 7617): user name and password both compared, always both, in constant time. */
export function basicAuthCheck(username: string, password: string): AuthCheck {
  return (header) => {
    const fail = (reason: string): AuthOutcome => ({
      ok: false,
      scheme: 'basic',
      reason,
      status: 401,
      challenge: BASIC_CHALLENGE,
    });
    if (header === undefined) return fail('no Authorization header');
    const match = /^Basic[ ]+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    if (!match) return fail(`the Authorization header is not Basic credentials (${schemeOf(header)})`);
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon === -1) return fail('the Basic credentials hold no ":" between user name and password');
    const userOk = sameSecret(decoded.slice(0, colon), username);
    const passwordOk = sameSecret(decoded.slice(colon + 1), password);
    if (userOk && passwordOk) return { ok: true, scheme: 'basic' };
    return fail(userOk ? 'wrong password' : 'unknown user name');
  };
}

/** A static bearer token (RFC 6750), compared in constant time. */
export function bearerAuthCheck(token: string): AuthCheck {
  return (header) => {
    const presented = bearerTokenOf(header);
    if ('reason' in presented) return presented;
    if (sameSecret(presented.token, token)) return { ok: true, scheme: 'bearer' };
    return {
      ok: false,
      scheme: 'bearer',
      reason: 'the bearer token does not match',
      status: 401,
      challenge: bearerChallenge('invalid_token'),
    };
  };
}

/** The token of a `Bearer` header, or the failure to answer. */
export function bearerTokenOf(header: string | undefined): { token: string } | (AuthOutcome & { ok: false }) {
  if (header === undefined) {
    // RFC 6750 §3.1: a request without credentials gets a challenge without an error code.
    return {
      ok: false,
      scheme: 'bearer',
      reason: 'no Authorization header',
      status: 401,
      challenge: bearerChallenge(),
    };
  }
  const match = /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(header);
  if (!match) {
    return {
      ok: false,
      scheme: 'bearer',
      reason: `the Authorization header is not a bearer token (${schemeOf(header)})`,
      status: 401,
      challenge: bearerChallenge('invalid_request'),
    };
  }
  return { token: match[1]! };
}

/** The scheme word only, never the credentials: safe for the log. */
function schemeOf(header: string): string {
  const word = /^\s*([A-Za-z][A-Za-z0-9-]{0,20})(\s|$)/.exec(header)?.[1];
  return word ? `scheme "${word}"` : 'unrecognised format';
}
