import type {
  ScenarioReport,
  ScenarioRunReport,
  ScenarioStepRecord,
} from '../../core/scenario/scenario-report.js';
import { isScenarioList } from '../../core/scenario/scenario-report.js';
import type { Annotation } from './workflow-commands.js';

/**
 * scenario on GitHub Actions (docs/ci.md): an `::error` per step not answered as expected, a
 * `::warning` per step that got there only after answers above 500 or whose repeat got another
 * class of answer, and per document the integration did not fetch as Tradecloud expects.
 */

const answer = (status: number | null) => (status === null ? 'no answer' : String(status));

/** A step answered as expected, but not cleanly: what `--fail-on warning` fails on. */
function stepWarning(step: ScenarioStepRecord): string | undefined {
  if (!step.met) return undefined;
  if (step.outcome === 'retried-then-delivered') {
    return `delivered only after ${step.attempts} attempts: the answers before were above 500, which Tradecloud retries while the events behind it wait`;
  }
  const differs = (step.redeliveries ?? []).findIndex((again) => !again.sameClass);
  if (differs >= 0) {
    const again = step.redeliveries![differs]!;
    return `repeat ${differs + 1} of the same body was answered ${answer(again.status)}, a different class of answer than the first (${answer(step.status)})`;
  }
  return undefined;
}

function stepError(step: ScenarioStepRecord): string {
  const repeats = (step.redeliveries ?? [])
    .map((again, i) => `repeat ${i + 1}: ${answer(again.status)} ${again.outcome}`)
    .join('; ');
  return [
    `${answer(step.status)} ${step.outcome}, expected ${step.expect}: ${step.tradecloud}`,
    ...(step.note ? [step.note] : []),
    ...(repeats ? [repeats] : []),
  ].join('; ');
}

/** The documents the run sent that the integration did not handle as Tradecloud expects. */
function documentWarnings(report: ScenarioRunReport): string[] {
  return (report.documents ?? [])
    .filter((d) => !d.ok || d.credentialsSentToDownload !== undefined || d.expiredLinkUsed)
    .map((d) => `document ${d.filename} (${d.event}): ${d.message}`);
}

export function scenarioAnnotations(report: ScenarioReport): Annotation[] {
  if (isScenarioList(report)) return [];
  const title = `tc-webhook scenario ${report.scenario.name} ${report.url}`;
  const out: Annotation[] = [];
  for (const step of report.steps) {
    const where = `step ${step.step} ${step.event}`;
    if (!step.met) out.push({ level: 'error', title, message: `${where}: ${stepError(step)}` });
    const warning = stepWarning(step);
    if (warning) out.push({ level: 'warning', title, message: `${where}: ${warning}` });
  }
  for (const message of documentWarnings(report)) out.push({ level: 'warning', title, message });
  return out;
}

/**
 * `--fail-on warning`: a step that warned (see above) or a document not fetched as expected. The
 * notes printed before sending (about the auth method or an override) describe the test, not the
 * endpoint, and do not count, as with doctor.
 */
export function scenarioHasWarnings(report: ScenarioReport): boolean {
  if (isScenarioList(report)) return false;
  return report.steps.some((s) => stepWarning(s) !== undefined) || documentWarnings(report).length > 0;
}

/**
 * The answer bodies of the steps not answered as expected: text from outside, which the log shows
 * only between `::stop-commands::` fences.
 */
export function scenarioAnswerBodies(report: ScenarioReport): Array<{ title: string; text: string }> {
  if (isScenarioList(report)) return [];
  return report.steps
    .filter((s) => !s.met && s.responseBody !== '')
    .map((s) => ({
      title: `step ${s.step} ${s.event}: the answer body (${answer(s.status)})`,
      text: s.responseBody,
    }));
}
