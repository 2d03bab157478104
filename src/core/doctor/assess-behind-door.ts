import { answerClass } from '../http/retry-policy.js';
import { isDelivered } from './assess-deliveries.js';
import type { DoctorCheck, DoctorDelivery } from './doctor-types.js';
import { notAcceptedFix } from './refused-credentials.js';
import { count } from '../text/count.js';

/** An answer to one of doctor's behind-the-door bodies. */
export interface LabelledAnswer {
  label: string;
  status: number | null;
}

const statusText = (status: number | null) => (status === null ? 'no answer' : String(status));
const is2xx = (status: number | null) => status !== null && status >= 200 && status < 300;

/**
 * Tradecloud adds fields, values and events without notice, and expects integrations to accept
 * them (docs/doctor-checks.md, "Forward compatibility"): 2xx passes; 4xx or 500 drops the event for
 * good (warn); above 500 is retried without end, blocking the events behind it (fail).
 */
export function assessForwardCompat(
  answers: readonly LabelledAnswer[],
  deliveries: readonly DoctorDelivery[],
  auth: string,
): DoctorCheck {
  const id = 'forward-compat';
  const title = 'Forward compatibility';
  if (!deliveries.some(isDelivered)) {
    return {
      id,
      title,
      status: 'inconclusive',
      message: 'no event was accepted, so refusing unknown fields says nothing about forward compatibility',
      fix: notAcceptedFix(deliveries, auth),
    };
  }
  const blocking = answers.filter((a) => a.status !== null && a.status > 500);
  const dropped = answers.filter((a) => !is2xx(a.status) && !blocking.includes(a));
  const details = [...blocking, ...dropped].map(
    (a) =>
      `${a.label}: ${statusText(a.status)} (${blocking.includes(a) ? 'Tradecloud retries this without end; the events behind it wait' : 'Tradecloud drops this event for good'})`,
  );
  const fix =
    'Ignore fields, values and events you do not know, answer 2xx, and keep the payload for later; ' +
    'Tradecloud adds them without notice';
  if (blocking.length > 0) {
    return {
      id,
      title,
      status: 'fail',
      message: `${blocking.length} of ${count(answers.length, 'body', 'bodies')} with something new were answered above 500: Tradecloud would retry them without end`,
      details,
      fix,
    };
  }
  if (dropped.length > 0) {
    return {
      id,
      title,
      status: 'warn',
      message: `${dropped.length} of ${count(answers.length, 'body', 'bodies')} with something new were refused: Tradecloud would drop those events for good`,
      details,
      fix,
    };
  }
  return {
    id,
    title,
    status: 'pass',
    message: `all ${answers.length} bodies with unknown fields, an undocumented value or an unknown event were accepted`,
  };
}

/**
 * Tradecloud delivers an event again when it got no answer in time, with the same body and
 * messageId (docs/doctor-checks.md, "Duplicates"): the second delivery should be accepted too.
 */
export function assessDuplicates(first: number | null, second: number | null): DoctorCheck {
  const id = 'duplicates';
  const title = 'Repeated delivery';
  const answers = `first ${statusText(first)}, repeat ${statusText(second)}`;
  if (is2xx(first) && is2xx(second)) {
    return { id, title, status: 'pass', message: `the same body twice was accepted twice (${answers})` };
  }
  const sameClass = answerClass(first) === answerClass(second);
  return {
    id,
    title,
    status: 'warn',
    message: `the same body twice was not accepted both times (${answers})`,
    ...(sameClass ? {} : { details: ['the repeat got a different class of answer than the first delivery'] }),
    fix: 'Accept a repeated event with 2xx and apply it once (meta.messageId identifies it); Tradecloud delivers again after a timeout',
  };
}
