import type { GradeCap, ProbedServer } from './grade-types.js';
import type { SuiteFacts } from './suite-catalog.js';

/** What the cap rules look at. */
export interface CapInput extends ProbedServer {
  /** The suite a current client (Node's default offer) negotiated at the best version. */
  negotiated: SuiteFacts | null;
  keyExchangeScore: number;
  /** Whether any key was seen (certificate key, DH group, ECDHE group, EXPORT or anonymous suite). */
  keyExchangeObserved: boolean;
  signatureAlgorithm: string | null;
}

/** One row of docs/tls-grade.md's "Caps" table: when it applies, and what it says. */
export interface CapRule {
  id: string;
  letter: GradeCap['letter'];
  applies(input: CapInput): boolean;
  reason: string;
  fix: string | ((input: CapInput) => string);
}

export function applyRules(rules: readonly CapRule[], input: CapInput): GradeCap[] {
  return rules
    .filter((rule) => rule.applies(input))
    .map((rule) => ({
      id: rule.id,
      letter: rule.letter,
      reason: rule.reason,
      fix: typeof rule.fix === 'string' ? rule.fix : rule.fix(input),
    }));
}

export const allSuites = (input: CapInput): SuiteFacts[] =>
  Object.values(input.suites).flatMap((v) => v?.suites ?? []);

export const statusOf = (input: CapInput, id: string) => input.checks.find((c) => c.id === id)?.status;
