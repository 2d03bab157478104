import type { DoctorDelivery } from './doctor-types.js';

/** The flags that carry the credentials of each method, as a fix names them. */
const FLAGS: Record<string, string> = {
  basic: '--username and --password',
  bearer: '--token',
  oauth2: '--client-id, --client-secret and --token-url',
};

/**
 * Whether the endpoint (or its token endpoint) refused the credentials of these deliveries: each one
 * was answered 401/403, or got no token. Then nothing was judged on its merits.
 */
export function refusedCredentials(failed: readonly DoctorDelivery[]): boolean {
  return (
    failed.length > 0 &&
    failed.every(
      (d) =>
        d.status === 401 ||
        d.status === 403 ||
        (d.status === null && d.note !== undefined && d.note.includes('token endpoint')),
    )
  );
}

/** The fix for credentials the endpoint refuses, naming the flags that carry them. */
export function credentialsFix(auth: string): string {
  const flags = FLAGS[auth];
  return flags
    ? `the endpoint refused the credentials: check ${flags} (auth: ${auth}) against what the endpoint expects, and configure the same in the Tradecloud portal`
    : 'the endpoint demands credentials: pass them with --auth (basic, bearer or oauth2) and the matching flags, and configure the same in the Tradecloud portal';
}

/** The fix of a check that needed an accepted event and got none. */
export function notAcceptedFix(deliveries: readonly DoctorDelivery[], auth: string): string {
  return refusedCredentials(deliveries)
    ? credentialsFix(auth)
    : 'make the endpoint accept the events (see the failed delivery check), then run doctor again';
}
