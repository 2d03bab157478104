/**
 * What a 401's `WWW-Authenticate` says went wrong (RFC 6750 §3: `error` and `error_description`
 * of a Bearer challenge; any scheme may carry them). Only the first challenge's auth-params are
 * read (RFC 7235 §2.1: token=token or token=quoted-string, comma-separated), which is all a
 * report needs; anything unreadable yields nothing rather than a guess.
 */
export interface AuthChallenge {
  scheme: string;
  error?: string;
  errorDescription?: string;
}

const SCHEME = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*/;
const PARAM = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*("((?:[^"\\]|\\.)*)"|[^\s,"]+)\s*(?:,\s*|$)/;

/** Printable, one line, bounded: the text comes from the endpoint. */
function clean(value: string): string {
  const line = [...value]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? ' ' : ch))
    .join('')
    .trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

export function parseAuthChallenge(header: string | undefined): AuthChallenge | undefined {
  if (header === undefined) return undefined;
  const scheme = SCHEME.exec(header);
  if (!scheme) return undefined;
  const challenge: AuthChallenge = { scheme: scheme[1]! };
  let rest = header.slice(scheme[0].length);
  while (rest.length > 0) {
    const param = PARAM.exec(rest);
    if (!param) break; // a second challenge, or token68: the first challenge's params are read
    const name = param[1]!.toLowerCase();
    const value = param[3] !== undefined ? param[3].replace(/\\(.)/g, '$1') : param[2]!;
    if (name === 'error') challenge.error = clean(value);
    if (name === 'error_description') challenge.errorDescription = clean(value);
    rest = rest.slice(param[0].length);
  }
  return challenge;
}

/** `the endpoint says: invalid_token (The access token expired)`, or undefined when it says nothing. */
export function describeAuthChallenge(challenge: AuthChallenge | undefined): string | undefined {
  if (!challenge?.error && !challenge?.errorDescription) return undefined;
  const what = challenge.error ?? 'error';
  const why = challenge.errorDescription ? ` (${challenge.errorDescription})` : '';
  return `the endpoint says: ${what}${why}`;
}
