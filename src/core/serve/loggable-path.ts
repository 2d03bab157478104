/** Query parameters that may carry a credential (RFC 6750 §2.3 allows `access_token` in the URL). */
const SECRET_PARAM = /token|secret|password|passwd|pwd|key|code|sig|auth|session/i;
const MAX_PATH = 2048;

/**
 * The request target as it may be logged: values of credential-like query parameters masked,
 * control characters replaced, length bounded. The path comes from the client, so it is never
 * trusted to be printable.
 */
export function loggablePath(target: string): string {
  const bounded = target.length > MAX_PATH ? `${target.slice(0, MAX_PATH)}…` : target;
  const query = bounded.indexOf('?');
  const masked =
    query === -1
      ? bounded
      : bounded.slice(0, query + 1) +
        bounded
          .slice(query + 1)
          .split('&')
          .map((pair) => {
            const eq = pair.indexOf('=');
            return eq !== -1 && SECRET_PARAM.test(pair.slice(0, eq)) ? `${pair.slice(0, eq)}=***` : pair;
          })
          .join('&');
  // eslint-disable-next-line no-control-regex
  return masked.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
