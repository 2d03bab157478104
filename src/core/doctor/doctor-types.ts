/** The readiness report of `tc-webhook doctor`: one list of checks, rendered as a checklist, JSON, JUnit or Markdown. */

/**
 * `inconclusive`: the check needs something the run did not get (an accepted delivery), so it cannot
 * vouch for the endpoint; like a failure, it costs the readiness verdict.
 */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip' | 'inconclusive';

export type DoctorCheckId =
  | 'config'
  | 'tls'
  | 'tls-grade'
  | 'auth'
  | 'delivery'
  | 'timing'
  | 'status-codes'
  | 'forward-compat'
  | 'duplicates'
  | 'documents';

export interface DoctorCheck {
  id: DoctorCheckId | `delivery.${string}`;
  title: string;
  status: CheckStatus;
  /** One line a non-expert understands. */
  message: string;
  /** What to do about a warning or failure. */
  fix?: string;
  /** Supporting lines, e.g. one per failed event. */
  details?: string[];
}

export interface DoctorDelivery {
  type: string;
  event: string;
  format: string;
  status: number | null;
  outcome: string;
  durationMs: number;
  note?: string;
}

export interface InvalidPayload {
  event: string;
  contentType: string;
  body: string;
}

export interface DoctorReport {
  url: string;
  /** The proxy the requests went through (no credentials); absent on a direct connection. */
  proxy?: string;
  ok: boolean;
  verdict: 'ready' | 'not-ready';
  types: string[];
  format: string;
  auth: string;
  /** Present when --auth was absent and the method was inferred from the credential flags named. */
  authInferred?: true;
  authInferredFrom?: string[];
  /** Requests actually sent (probes included); never more than announced. */
  requestsSent: number;
  requestsPlanned: number;
  checks: DoctorCheck[];
  deliveries: DoctorDelivery[];
  /** The deliberately invalid body behind the `status-codes` check, as sent; absent when it was not sent. */
  invalidPayload?: InvalidPayload;
  /** Ctrl-C stopped the run: checks not reached are skipped, there is no verdict (exit 130). */
  interrupted?: true;
}

/** A readiness verdict is lost by any failed or inconclusive check; warnings are allowed. */
export function verdictOf(checks: readonly DoctorCheck[]): Pick<DoctorReport, 'ok' | 'verdict'> {
  const ok = !checks.some((c) => c.status === 'fail' || c.status === 'inconclusive');
  return { ok, verdict: ok ? 'ready' : 'not-ready' };
}
