import type { PrivateTrust } from '../tls/private-trust.js';
import type { DocumentsResult } from '../documents/documents-result.js';
import type { Outcome } from '../http/deliver-request.js';
import type { AuthMethod } from '../http/auth-credentials.js';
import type { Expectation, ScenarioType } from './scenario-types.js';

/** A repeat of a step's body, byte for byte (`--redeliver`), and whether it got the same class of answer. */
export interface ScenarioRedelivery {
  status: number | null;
  durationMs: number;
  attempts: number;
  outcome: Outcome;
  /** Same class of answer as the first delivery (2xx, 4xx, 500, above 500, none). */
  sameClass: boolean;
  note?: string;
}

/** One step of a scenario run (docs/cli-contract.md, `scenario`). */
export interface ScenarioStepRecord {
  step: number;
  event: string;
  /** Lines (1-based) the event carries (order) or changed (shipment). */
  lines: number[];
  status: number | null;
  durationMs: number;
  attempts: number;
  /** The contract's outcome: what Tradecloud would do with this answer. */
  outcome: Outcome;
  /** That outcome in words, in Tradecloud's terms. */
  tradecloud: string;
  expect: Expectation;
  /** Whether the answer was the expected one (every redelivery included). */
  met: boolean;
  note?: string;
  responseBody: string;
  redeliveries?: ScenarioRedelivery[];
}

export interface ScenarioRunReport extends Partial<DocumentsResult> {
  url: string;
  ok: boolean;
  scenario: { name: string; type: ScenarioType; source: string; description: string };
  format: 'json' | 'txml';
  seed?: number;
  auth: AuthMethod;
  /** Each body is sent this many more times (`--redeliver`). */
  redeliver: number;
  proxy?: string;
  /** Present when the endpoint's chain was trusted only through --ca or NODE_EXTRA_CA_CERTS. */
  trust?: PrivateTrust;
  warnings: string[];
  requestsPlanned: number;
  requestsSent: number;
  steps: ScenarioStepRecord[];
  summary: {
    steps: number;
    met: number;
    notMet: number;
    latencyMs: { min: number; median: number; p95: number; max: number };
  };
  /** Ctrl-C stopped the run: the steps cover what was answered before it (exit 130). */
  interrupted?: true;
}

/** `scenario --list`: the built-in scenarios and their steps. */
export interface ScenarioListReport {
  ok: true;
  scenarios: {
    name: string;
    type: ScenarioType;
    description: string;
    steps: { event: string; lines: number[] }[];
  }[];
}

export type ScenarioReport = ScenarioRunReport | ScenarioListReport;

export function isScenarioList(report: ScenarioReport): report is ScenarioListReport {
  return 'scenarios' in report;
}
