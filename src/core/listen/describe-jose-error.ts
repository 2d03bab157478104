import type { JWTPayload } from 'jose';

/** Why a token was refused, in words, naming claims but never the token itself. */
export function describeJoseError(error: unknown, claims: JWTPayload, audiences: string[]): string {
  const code = (error as { code?: string }).code ?? '';
  const claim = (error as { claim?: string }).claim;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return `the token expired${typeof claims.exp === 'number' ? ` at ${new Date(claims.exp * 1000).toISOString()}` : ''}`;
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'aud') {
        const aud = Array.isArray(claims.aud) ? claims.aud.join(' ') : (claims.aud ?? '(none)');
        return `audience ${shown(aud)} is not accepted (accepted: ${audiences.join(', ')})`;
      }
      if (claim === 'nbf') return 'the token is not valid yet (nbf is in the future)';
      if (claim === 'exp' && (error as { reason?: string }).reason === 'missing')
        return 'the token has no expiry (exp): a token that never expires is refused';
      return `claim ${claim ?? '?'} is not acceptable: ${(error as Error).message}`;
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return "the signature does not verify against the issuer's keys";
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return "no key of the issuer matches the token's key id (kid)";
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return "several of the issuer's keys match and none verifies the signature";
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'the token is signed with an algorithm that is not accepted (asymmetric RS/PS/ES/EdDSA only)';
    case 'ERR_JWKS_TIMEOUT':
      return "the issuer's keys could not be fetched in time";
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return 'the bearer token is not a well-formed signed JWT';
    default: {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return `the token could not be verified: ${(error as Error).message ?? String(error)}${cause ? ` (${cause})` : ''}`;
    }
  }
}

/** A claim from the client, made safe for one log line. */
export function shown(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '?');
  return JSON.stringify(clean.length > 120 ? `${clean.slice(0, 120)}…` : clean);
}
