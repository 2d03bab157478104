import type { ProbeAnswer } from './assess-auth.js';
import type { DoctorCheck, DoctorDelivery } from './doctor-types.js';
import { isDelivered } from './assess-deliveries.js';
import { notAcceptedFix } from './refused-credentials.js';

const title = 'Status codes for a bad payload';
const policy =
  'Tradecloud does not retry 4xx and 500 answers, and retries answers above 500 with back-off: ' +
  'answer 400 to a payload you cannot process, and 502/503 for a temporary outage';

/** How the endpoint answers a deliberately invalid payload, read against Tradecloud's retry policy (docs/webhook-payloads.md §1.5). */
export function assessStatusCodes(
  answer: ProbeAnswer,
  deliveries: readonly DoctorDelivery[],
  auth: string,
): DoctorCheck {
  const { status } = answer;
  // A refusal means something only when good payloads are accepted: else it may refuse anything.
  if (!deliveries.some(isDelivered)) {
    return {
      id: 'status-codes',
      title,
      status: 'inconclusive',
      message: `no event was accepted, so the answer to an invalid payload (${status === null ? 'none' : status}) says nothing about payloads`,
      fix: notAcceptedFix(deliveries, auth),
    };
  }
  if (status === null) {
    return {
      id: 'status-codes',
      title,
      status: 'warn',
      message: `no answer to an invalid payload${answer.note ? ` (${answer.note})` : ''}`,
      fix: policy,
    };
  }
  if (status >= 200 && status < 300) {
    return {
      id: 'status-codes',
      title,
      status: 'warn',
      message: `the endpoint accepted an invalid payload with ${status}: errors in a payload will go unnoticed`,
      fix: 'validate what you receive and answer 400 with a reason when you cannot process it',
    };
  }
  if (status === 500) {
    return {
      id: 'status-codes',
      title,
      status: 'warn',
      message:
        'the endpoint answered 500 to an invalid payload: Tradecloud treats 500 as final and will not retry it, ' +
        'so an outage answered with 500 loses events',
      fix: policy,
    };
  }
  if (status > 500) {
    return {
      id: 'status-codes',
      title,
      status: 'warn',
      message: `the endpoint answered ${status} to an invalid payload: Tradecloud would retry it indefinitely`,
      fix: policy,
    };
  }
  if (status >= 400) {
    return {
      id: 'status-codes',
      title,
      status: 'pass',
      message: `an invalid payload is refused with ${status}; Tradecloud will not retry it`,
    };
  }
  return {
    id: 'status-codes',
    title,
    status: 'warn',
    message: `the endpoint answered ${status} to an invalid payload`,
    fix: policy,
  };
}
