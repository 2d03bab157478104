import type { ScenarioRunReport } from '../core/scenario/scenario-report.js';
import { mdCell, xmlEscape, type DoctorFileFormat } from './doctor-file.js';
import { count } from '../core/text/count.js';

/** A scenario run as JUnit XML (one test case per step) or Markdown (one table row per step). */
export function renderScenarioFile(report: ScenarioRunReport, format: DoctorFileFormat): string {
  return format === 'junit' ? renderJunit(report) : renderMarkdown(report);
}

const statusText = (status: number | null) => (status === null ? 'no answer' : String(status));

function renderJunit(report: ScenarioRunReport): string {
  const failures = report.steps.filter((s) => !s.met).length;
  const cases = report.steps.map((s) => {
    const name = xmlEscape(`step ${s.step}: ${s.event}`);
    const text = xmlEscape(
      [
        `${statusText(s.status)} ${s.outcome} (expected ${s.expect}): ${s.tradecloud}`,
        ...(s.note ? [s.note] : []),
        ...(s.redeliveries ?? []).map(
          (a, i) =>
            `repeat ${i + 1}: ${statusText(a.status)} ${a.outcome}${a.sameClass ? '' : ' (a different class of answer)'}`,
        ),
      ].join('\n'),
    );
    const open = `    <testcase classname="tc-webhook.scenario.${xmlEscape(report.scenario.name)}" name="${name}" time="${(s.durationMs / 1000).toFixed(3)}">`;
    return s.met
      ? `${open}\n      <system-out>${text}</system-out>\n    </testcase>`
      : `${open}\n      <failure message="${xmlEscape(`${statusText(s.status)} ${s.outcome}, expected ${s.expect}`)}">${text}</failure>\n    </testcase>`;
  });
  const count = report.steps.length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tc-webhook scenario" tests="${count}" failures="${failures}">`,
    `  <testsuite name="${xmlEscape(`scenario ${report.scenario.name} ${report.url}`)}" tests="${count}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function renderMarkdown(report: ScenarioRunReport): string {
  const rows = report.steps.map((s) => {
    const repeats = (s.redeliveries ?? []).map(
      (a, i) => `repeat ${i + 1}: ${statusText(a.status)}${a.sameClass ? '' : ' (different class)'}`,
    );
    return `| ${s.step} | ${mdCell(s.event)} | ${s.lines.join(', ')} | ${s.met ? '✅' : '❌'} ${statusText(s.status)} | ${s.outcome} | ${mdCell([s.tradecloud, ...repeats].join('\n'))} |`;
  });
  return [
    `# Tradecloud scenario ${mdCell(report.scenario.name)}: ${mdCell(report.url)}`,
    '',
    `**${report.ok ? 'Every step answered as expected' : `${report.summary.notMet} of ${count(report.summary.steps, 'step')} not answered as expected`}** (${count(report.requestsSent, 'request')} sent).`,
    '',
    '| Step | Event | Lines | Answer | Outcome | What Tradecloud does |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
