import type { DeliveryRecord } from '../delivery/delivery-record.js';
import type { Outcome } from '../http/deliver-request.js';
import { summarizeLatency } from '../http/latency-stats.js';
import { answerClass } from '../http/retry-policy.js';
import type { ScenarioRedelivery, ScenarioRunReport, ScenarioStepRecord } from './scenario-report.js';
import type { ScenarioRequest } from './build-scenario-requests.js';
import { meetsExpectation, type Expectation } from './scenario-types.js';

/** What Tradecloud would do with the answer (docs/scenarios.md, "What Tradecloud does with an answer"). */
export function tradecloudAction(status: number | null, outcome: Outcome): string {
  switch (outcome) {
    case 'delivered':
    case 'retried-then-delivered':
      return 'delivered: Tradecloud moves on to the next event';
    case 'gave-up':
      return 'still failing when the retries ran out: Tradecloud itself would keep retrying without end, and the events behind it wait';
    case 'rejected':
      if (status !== null && status >= 300 && status < 400)
        return 'lost for good: Tradecloud does not follow redirects';
      return status === 500
        ? 'lost for good: Tradecloud treats 500 as a functional error and does not retry it'
        : `lost for good: Tradecloud does not retry a ${status ?? 'failed'} answer`;
    case 'failed':
      return status !== null && status > 500
        ? 'Tradecloud would retry this without end, with exponential back-off, and the events behind it wait'
        : 'no answer: Tradecloud would deliver the same event again later (it may then arrive twice)';
  }
}

export interface JudgeInput {
  requests: ScenarioRequest[];
  expectations: Expectation[];
  /** Records of the run in request order: step i's first delivery, then its redeliveries. */
  records: DeliveryRecord[];
  redeliver: number;
}

/** One record per step, judged against its expectation; redeliveries are compared with the first answer. */
export function judgeSteps(input: JudgeInput): Pick<ScenarioRunReport, 'steps' | 'summary'> {
  const per = input.redeliver + 1;
  const byIndex = new Map(input.records.map((r) => [r.index, r]));
  const steps: ScenarioStepRecord[] = [];
  for (const [i, request] of input.requests.entries()) {
    const first = byIndex.get(i * per + 1);
    if (!first) break;
    const expect = input.expectations[i] ?? '2xx';
    const redeliveries: ScenarioRedelivery[] = [];
    for (let r = 2; r <= per; r++) {
      const again = byIndex.get(i * per + r);
      if (!again) break;
      redeliveries.push({
        status: again.status,
        durationMs: again.durationMs,
        attempts: again.attempts,
        outcome: again.outcome,
        sameClass: answerClass(again.status) === answerClass(first.status),
        ...(again.note ? { note: again.note } : {}),
      });
    }
    const met =
      meetsExpectation(first.status, expect) && redeliveries.every((a) => meetsExpectation(a.status, expect));
    steps.push({
      step: request.step,
      event: request.event,
      lines: request.lines,
      status: first.status,
      durationMs: first.durationMs,
      attempts: first.attempts,
      outcome: first.outcome,
      tradecloud: tradecloudAction(first.status, first.outcome),
      expect,
      met,
      ...(first.note ? { note: first.note } : {}),
      responseBody: first.responseBody,
      ...(input.redeliver > 0 ? { redeliveries } : {}),
    });
  }
  const met = steps.filter((s) => s.met).length;
  return {
    steps,
    summary: {
      steps: input.requests.length,
      met,
      notMet: steps.length - met,
      latencyMs: summarizeLatency(input.records.filter((r) => r.status !== null).map((r) => r.durationMs)),
    },
  };
}
