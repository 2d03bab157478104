import type { DoctorCheck } from './doctor-types.js';

/** What the endpoint answered to a probe; null status when it did not answer. */
export interface ProbeAnswer {
  status: number | null;
  note?: string;
}

export interface AuthProbes {
  missing: ProbeAnswer;
  wrong: ProbeAnswer;
}

const title = 'Authentication enforced';

/**
 * Tradecloud's webhooks carry no signature (docs/webhook-payloads.md §1.4): the credentials are the only thing between the
 * internet and the endpoint, so an endpoint that accepts a request without them, or with wrong ones, fails.
 */
export function assessAuth(auth: string, probes: AuthProbes | undefined): DoctorCheck {
  if (auth === 'none' || probes === undefined) {
    return {
      id: 'auth',
      title,
      status: 'fail',
      message: 'no authentication configured: anyone on the internet can post orders to you',
      fix: 'protect the endpoint with basic authentication, a bearer token or OAuth 2.0, and check it with --auth',
    };
  }
  const accepted = (['missing', 'wrong'] as const).filter((k) => isSuccess(probes[k].status));
  if (accepted.length > 0) {
    const what = accepted
      .map((k) => (k === 'missing' ? 'without credentials' : 'with wrong credentials'))
      .join(' and ');
    return {
      id: 'auth',
      title,
      status: 'fail',
      message: `the endpoint accepted a request ${what}: anyone on the internet can post orders to you`,
      fix: 'answer 401 (or 403) unless the Authorization header carries the configured credentials',
      details: describe(probes),
    };
  }
  const unexpected = (['missing', 'wrong'] as const).filter((k) => !isRefusal(probes[k].status));
  if (unexpected.length > 0) {
    return {
      id: 'auth',
      title,
      status: 'warn',
      message: 'requests without or with wrong credentials were not delivered, but not answered with 401/403',
      fix: 'answer 401 Unauthorized (or 403 Forbidden) to missing or wrong credentials, so the cause is clear in Tradecloud',
      details: describe(probes),
    };
  }
  return {
    id: 'auth',
    title,
    status: 'pass',
    message: `missing credentials answered ${probes.missing.status}, wrong credentials answered ${probes.wrong.status}`,
  };
}

function isSuccess(status: number | null): boolean {
  return status !== null && status >= 200 && status < 300;
}

function isRefusal(status: number | null): boolean {
  return status === 401 || status === 403;
}

function describe(probes: AuthProbes): string[] {
  const line = (label: string, p: ProbeAnswer) =>
    `${label}: ${p.status === null ? `no answer${p.note ? ` (${p.note})` : ''}` : `answered ${p.status}`}`;
  return [line('without credentials', probes.missing), line('with wrong credentials', probes.wrong)];
}
