import { answerClass } from '../http/retry-policy.js';
import type { DeliveryRecord } from './delivery-record.js';

/**
 * `--redeliver n`: every request followed by n byte-identical copies (the same body, so the same
 * meta.messageId), as Tradecloud delivers an event again after a timeout on its side.
 */
export function repeatEach<T>(items: readonly T[], redeliver: number): T[] {
  return items.flatMap((item) => Array.from({ length: redeliver + 1 }, () => item));
}

/**
 * Marks each repeat with its number and whether it got the same class of answer as the first
 * delivery of its body. A burst may not list the first delivery; its repeats then carry no verdict.
 */
export function markRedeliveries(records: DeliveryRecord[], redeliver: number): DeliveryRecord[] {
  if (redeliver === 0) return records;
  const per = redeliver + 1;
  const byIndex = new Map(records.map((r) => [r.index, r]));
  return records.map((record) => {
    const copy = (record.index - 1) % per;
    if (copy === 0) return record;
    const first = byIndex.get(record.index - copy);
    return {
      ...record,
      redelivery: copy,
      ...(first ? { sameClass: answerClass(first.status) === answerClass(record.status) } : {}),
    };
  });
}
