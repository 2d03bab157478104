import { decodeJwt, decodeProtectedHeader } from 'jose';

/** A compact JWS: three base64url parts, the first a JSON object (so it starts with `eyJ`). */
const JWT = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/**
 * `--verbose`: the decoded header and claims of a JWT, on one line each, the signature left out
 * (it proves nothing to a reader and is part of the secret). The token itself is never printed:
 * only what decoding it gives, and the caller's masker still applies to those lines.
 */
export function describeJwt(token: string, where: string): string[] {
  try {
    const header = decodeProtectedHeader(token);
    const claims = decodeJwt(token);
    return [
      `* JWT ${where} (signature left out)`,
      `*   header ${JSON.stringify(header)}`,
      `*   claims ${JSON.stringify(claims)}`,
    ];
  } catch {
    return []; // looks like a JWT, is not one: nothing to show
  }
}

/** Every JWT inside a text (a header value), decoded. */
export function describeJwtsIn(text: string, where: string): string[] {
  return [...text.matchAll(JWT)].flatMap(([token]) => describeJwt(token, where));
}
