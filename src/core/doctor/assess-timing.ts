import { max, median } from 'simple-statistics';
import { isDelivered } from './assess-deliveries.js';
import type { DoctorCheck, DoctorDelivery } from './doctor-types.js';
import { notAcceptedFix } from './refused-credentials.js';

/**
 * Tradecloud waits about 60 s for an answer (docs/webhook-payloads.md §1.2, release note TC-6199) and recommends answering
 * quickly, with 202 and asynchronous processing. The warning threshold is `--slow-ms` (default 5 s): well
 * inside that limit, and slow enough that only real processing on the request path reaches it.
 */
export function assessTiming(
  deliveries: readonly DoctorDelivery[],
  slowMs: number,
  auth: string,
): DoctorCheck {
  // A refusal is quick: only the time to accept an event says how long real processing takes.
  const answered = deliveries.filter(isDelivered);
  if (answered.length === 0) {
    return {
      id: 'timing',
      title: 'Response time',
      status: 'inconclusive',
      message: 'no event was accepted, so the time to process one is unknown',
      fix: notAcceptedFix(deliveries, auth),
    };
  }
  const times = answered.map((d) => d.durationMs);
  const summary = `median ${Math.round(median(times))} ms, slowest ${Math.round(max(times))} ms`;
  const slow = answered.filter((d) => d.durationMs > slowMs);
  if (slow.length === 0) {
    return {
      id: 'timing',
      title: 'Response time',
      status: 'pass',
      message: `${summary} (limit ${slowMs} ms)`,
    };
  }
  return {
    id: 'timing',
    title: 'Response time',
    status: 'warn',
    message: `${slow.length} of ${answered.length} answers took longer than ${slowMs} ms (${summary})`,
    fix: 'answer 202 Accepted straight away and process the event afterwards; Tradecloud gives up after about 60 s',
    details: slow.map((d) => `${d.event}: ${Math.round(d.durationMs)} ms`),
  };
}
