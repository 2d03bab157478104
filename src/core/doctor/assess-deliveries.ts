import type { DoctorCheck, DoctorDelivery } from './doctor-types.js';
import { credentialsFix, refusedCredentials } from './refused-credentials.js';
import { count } from '../text/count.js';

export function isDelivered(d: DoctorDelivery): boolean {
  return d.outcome === 'delivered' || d.outcome === 'retried-then-delivered';
}

/** One check per webhook type: every selected event must be delivered (2xx) with the right credentials. */
export function assessDeliveries(
  type: string,
  format: string,
  deliveries: readonly DoctorDelivery[],
  auth: string,
): DoctorCheck {
  const formatName = format === 'txml' ? 'tXML' : 'JSON';
  const failed = deliveries.filter((d) => !isDelivered(d));
  const id = `delivery.${type}` as const;
  const title = `${type} events delivered (${formatName})`;
  if (failed.length === 0) {
    return {
      id,
      title,
      status: 'pass',
      message: `${deliveries.length} of ${count(deliveries.length, `${type} event`)} delivered`,
    };
  }
  const statuses = new Set(failed.map((d) => d.status));
  const formatRejected = format === 'txml' && [...statuses].every((s) => s === 415 || s === 400 || s === 406);
  return {
    id,
    title,
    status: 'fail',
    message: `${failed.length} of ${count(deliveries.length, `${type} event`)} not delivered in ${formatName}`,
    fix: refusedCredentials(failed)
      ? credentialsFix(auth)
      : formatRejected
        ? 'the endpoint refuses tXML (Content-Type application/xml): accept it, or choose JSON for this webhook in the Tradecloud portal'
        : 'answer 2xx (200 or 202) to every enabled event, including events your integration ignores',
    details: failed.map(
      (d) =>
        `${d.event}: ${d.status === null ? 'no answer' : `answered ${d.status}`}${d.note ? ` (${d.note})` : ''}`,
    ),
  };
}
