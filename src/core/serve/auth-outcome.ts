/** The verdict on a request's Authorization header; `reason` never repeats what the client sent. */
export type AuthOutcome =
  | { ok: true; scheme: string }
  | {
      ok: false;
      scheme: string;
      reason: string;
      /** 401, or 403 for a valid token without the required scope or role (RFC 6750 §3.1). */
      status: 401 | 403;
      /** The WWW-Authenticate challenge (RFC 7235 §4.1, RFC 6750 §3). */
      challenge: string;
    };

export type AuthCheck = (authorization: string | undefined) => Promise<AuthOutcome> | AuthOutcome;

export const REALM = 'tc-webhook listen';

export function bearerChallenge(
  error?: 'invalid_request' | 'invalid_token' | 'insufficient_scope',
  extra = '',
): string {
  return `Bearer realm="${REALM}"${error ? `, error="${error}"` : ''}${extra}`;
}
