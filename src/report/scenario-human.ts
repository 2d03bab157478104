import type {
  ScenarioListReport,
  ScenarioReport,
  ScenarioRunReport,
} from '../core/scenario/scenario-report.js';
import { isScenarioList } from '../core/scenario/scenario-report.js';
import { renderDocuments } from './documents-human.js';
import { palette, type Palette } from './palette.js';
import { describePrivateTrust } from './private-trust-line.js';
import { count } from '../core/text/count.js';

const linesText = (lines: number[]) =>
  lines.length === 0 ? 'no line' : `${lines.length === 1 ? 'line' : 'lines'} ${lines.join(',')}`;

function renderList(report: ScenarioListReport, c: Palette): string {
  const out: string[] = [];
  for (const s of report.scenarios) {
    out.push(`${c.bold(s.name)} ${c.dim(`(${s.type})`)}  ${s.description}`);
    for (const [i, step] of s.steps.entries()) {
      out.push(`  ${String(i + 1).padStart(2)}. ${step.event} ${c.dim(linesText(step.lines))}`);
    }
    out.push('');
  }
  out.push('Run one with: tc-webhook scenario <url> <name>; or give your own scenario file (.json, .yaml).');
  return out.join('\n');
}

function renderRun(report: ScenarioRunReport, c: Palette): string {
  const out = [c.bold(`tc-webhook scenario ${report.scenario.name} ${report.url}`)];
  out.push(c.dim(`  ${report.scenario.description}`));
  if (report.proxy) out.push(c.dim(`  through the proxy ${report.proxy} (Tradecloud connects directly)`));
  if (report.trust) out.push(c.yellow(`  ! ${describePrivateTrust(report.trust)}`));
  out.push('');
  const width = Math.max(...report.steps.map((s) => s.event.length), 10);
  for (const s of report.steps) {
    const mark = s.met ? c.green('✓') : c.red('✗');
    const status = s.status === null ? 'none' : String(s.status);
    const expect = s.expect === '2xx' ? '' : c.dim(` (expected ${s.expect})`);
    out.push(
      `${String(s.step).padStart(2)} ${mark} ${s.event.padEnd(width)}  ${linesText(s.lines).padEnd(9)}  ${status.padStart(4)}  ${`${Math.round(s.durationMs)} ms`.padStart(8)}  ${s.outcome}${expect}`,
    );
    if (!s.met || s.outcome !== 'delivered') out.push(c.dim(`       ${s.tradecloud}`));
    for (const [i, again] of (s.redeliveries ?? []).entries()) {
      const same = again.sameClass ? c.green('same class of answer') : c.red('a different class of answer');
      out.push(`       repeat ${i + 1}: ${again.status ?? 'none'} ${again.outcome}, ${same}`);
    }
  }
  if (report.documentsApi && report.documents && report.documentsSummary) {
    const { documentsApi, documents, documentsSummary } = report;
    out.push(...renderDocuments({ documentsApi, documents, documentsSummary }, c));
  }
  out.push('');
  const { met, steps, notMet } = report.summary;
  if (report.interrupted) {
    out.push(c.yellow.bold(`Interrupted: ${report.steps.length} of ${count(steps, 'step')} sent.`));
  } else if (report.ok) {
    out.push(
      c.green.bold(
        `${steps === 1 ? 'The step' : `All ${steps} steps`} answered as expected (${count(report.requestsSent, 'request')} sent).`,
      ),
    );
  } else {
    out.push(
      c.red.bold(
        `${notMet} of ${count(steps, 'step')} not answered as expected; ${met} ${met === 1 ? 'was' : 'were'} (${count(report.requestsSent, 'request')} sent).`,
      ),
    );
  }
  out.push(
    c.dim(
      'What your integration made of these events (the order, its lines, its versions) is for you to check in your ERP.',
    ),
  );
  return out.join('\n');
}

export function renderScenarioHuman(report: ScenarioReport, options: { color: boolean }): string {
  const c = palette(options.color);
  return isScenarioList(report) ? renderList(report, c) : renderRun(report, c);
}
