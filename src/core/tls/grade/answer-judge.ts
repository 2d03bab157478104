import type { HelloOutcome } from './send-client-hello.js';
import type { HandshakeFailed, InspectedHandshake } from './inspect-handshake.js';

/** What one probe of the grade learnt: an acceptance, a refusal, or nothing (`unknown`, with why). */
export type Answer<T> =
  { kind: 'accepted'; value: T } | { kind: 'refused' } | { kind: 'unknown'; why: string };

const NO_ANSWER = 'no answer in time';
const UNEXPLAINED_RESET = 'connection reset, and a control handshake right after failed too';

/**
 * Decides what a failed probe means (docs/tls-grade.md, "Unknown answers"). A server must not grade
 * better by not answering: a timeout is unknown, never "not accepted". A reset straight after the
 * ClientHello is how many load balancers refuse an old version, but also how an overloaded server
 * drops anyone, so it is a refusal only when a control handshake right afterwards succeeds.
 */
export interface AnswerJudge {
  hello(outcome: HelloOutcome): Promise<Answer<HelloOutcome & { kind: 'chosen' }>>;
  handshake(result: InspectedHandshake | HandshakeFailed): Promise<Answer<InspectedHandshake>>;
  /** Records what a part of the grade could not find out, e.g. ("TLS 1.2 suites", "no answer in time"). */
  note(subject: string, why: string): void;
  /** Everything unknown so far, one entry per subject: "TLS 1.2 suites: no answer in time". */
  unknown(): string[];
}

/** `control`: one ordinary handshake; true when it completed. Concurrent resets share one control. */
export function createAnswerJudge(control: () => Promise<boolean>): AnswerJudge {
  const notes = new Map<string, string>();
  let running: Promise<boolean> | undefined;
  const controlled = () => {
    running ??= control().finally(() => {
      running = undefined;
    });
    return running;
  };
  const afterReset = async <T>(): Promise<Answer<T>> =>
    (await controlled()) ? { kind: 'refused' } : { kind: 'unknown', why: UNEXPLAINED_RESET };
  return {
    async hello(outcome) {
      if (outcome.kind === 'chosen') return { kind: 'accepted', value: outcome };
      if (outcome.kind === 'timeout') return { kind: 'unknown', why: NO_ANSWER };
      if (outcome.kind === 'closed' || outcome.kind === 'error') return afterReset();
      return { kind: 'refused' }; // an alert, or bytes that are not a ServerHello
    },
    async handshake(result) {
      if (!('failed' in result)) return { kind: 'accepted', value: result };
      if (result.failed === 'timeout') return { kind: 'unknown', why: NO_ANSWER };
      if (result.failed === 'reset') return afterReset();
      return { kind: 'refused' };
    },
    note(subject, why) {
      if (!notes.has(subject)) notes.set(subject, why);
    },
    unknown: () => [...notes].map(([subject, why]) => `${subject}: ${why}`),
  };
}
