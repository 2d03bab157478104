import type { CheckTlsReport } from '../check-tls-report.js';
import { checkTlsVerdict } from '../check-tls-verdict.js';
import type { DoctorReport } from '../../core/doctor/doctor-types.js';
import type { ScenarioReport } from '../../core/scenario/scenario-report.js';
import { isScenarioList } from '../../core/scenario/scenario-report.js';
import type { ReportKind, ReportOf } from '../render.js';
import type { PayloadIssue, PayloadResult, ValidateReport } from '../validate-report.js';
import { markdownCell } from './markdown-text.js';
import { count } from '../../core/text/count.js';

/** Rows per table: a step summary holds at most 1 MiB, and a reader wants the first findings. */
export const SUMMARY_ROWS = 200;

type Summarize<K extends ReportKind> = (
  report: ReportOf[K],
) => Promise<string | undefined> | string | undefined;

/** The commands that append a Markdown summary to the GitHub step summary. */
const SUMMARIZERS: { [K in ReportKind]?: Summarize<K> } = {
  validate: validateSummary,
  'check-tls': checkTlsSummary,
  doctor: doctorSummary,
  scenario: scenarioSummary,
};

/** The Markdown for a command's report, or undefined for a command that writes none. */
export async function stepSummaryOf<K extends ReportKind>(
  kind: K,
  report: ReportOf[K],
): Promise<string | undefined> {
  const summarize = SUMMARIZERS[kind];
  if (!summarize) return undefined;
  const text = await summarize(report);
  if (text === undefined) return undefined;
  return text.endsWith('\n') ? text : `${text}\n`;
}

const STATUS: Record<string, string> = {
  pass: '✅ pass',
  warn: '⚠️ warn',
  fail: '❌ fail',
  skip: '➖ skip',
  inconclusive: '❔ inconclusive',
};

function table(head: string[], rows: string[][], total: number, what: string): string[] {
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const row of rows.slice(0, SUMMARY_ROWS)) lines.push(`| ${row.map(markdownCell).join(' | ')} |`);
  if (total > SUMMARY_ROWS)
    lines.push('', `… and ${total - SUMMARY_ROWS} more ${what}; the report lists them all.`);
  return lines;
}

function validateSummary(report: ValidateReport): string {
  const { files, valid, invalid, warnings } = report.summary;
  const verdict = `${files} file${files === 1 ? '' : 's'} checked: ${valid} valid, ${invalid} invalid; ${warnings} warning${warnings === 1 ? '' : 's'}`;
  const lines = ['### tc-webhook validate', '', `**${report.ok ? '✅' : '❌'} ${verdict}**`];
  if (report.interrupted) lines.push('', 'Interrupted: files after these were not checked.');
  lines.push('');
  const fileRows = report.files.map((f) => [
    f.file,
    [f.type, f.format === 'txml' ? 'tXML' : f.format?.toUpperCase()].filter(Boolean).join(', '),
    f.valid ? '✅ valid' : '❌ invalid',
    String(f.errors.length + (f.moreErrors ?? 0)),
    String(f.warnings.length + (f.moreWarnings ?? 0)),
  ]);
  lines.push(
    ...table(['File', 'Webhook', 'Result', 'Errors', 'Warnings'], fileRows, fileRows.length, 'files'),
  );
  const findings = report.files.flatMap((f) => [
    ...f.errors.map((i) => findingRow(f, i, '❌ error')),
    ...f.warnings.map((i) => findingRow(f, i, '⚠️ warning')),
  ]);
  if (findings.length > 0) {
    lines.push('', '#### Findings', '');
    lines.push(...table(['Where', 'Level', 'Keyword', 'Finding'], findings, findings.length, 'findings'));
  }
  return lines.join('\n');
}

function findingRow(file: PayloadResult, issue: PayloadIssue, level: string): string[] {
  const at = issue.line !== undefined ? `${file.file}:${issue.line}:${issue.column ?? 1}` : file.file;
  const field = issue.path === '' ? '(body)' : issue.path;
  const element = issue.element !== undefined ? ` (element ${issue.element})` : '';
  return [at, level, issue.keyword, `${field}: ${issue.message}${element}`];
}

function checkTlsSummary(report: CheckTlsReport): string {
  const verdict = checkTlsVerdict(report);
  const lines = [
    `### tc-webhook check-tls ${markdownCell(report.target)}`,
    '',
    `**${verdict.ok ? '✅' : '❌'} ${markdownCell(verdict.text)}**`,
  ];
  if (report.grade) {
    const incomplete = report.grade.complete
      ? ''
      : ` (incomplete: ${markdownCell(report.grade.unknown.join('; '))})`;
    lines.push('', `Grade (estimate): **${report.grade.letter}**${incomplete}`);
  }
  lines.push('');
  const rows = report.checks.map((c) => [c.id, STATUS[c.status] ?? c.status, c.message]);
  lines.push(...table(['Check', 'Status', 'Result'], rows, rows.length, 'checks'));
  return lines.join('\n');
}

/** doctor's own Markdown report (the one `--report <file>.md` writes). */
async function doctorSummary(report: DoctorReport): Promise<string> {
  const { renderDoctorFile } = await import('../doctor-file.js');
  return renderDoctorFile(report, 'markdown');
}

const answerText = (status: number | null) => (status === null ? 'no answer' : String(status));

/** A scenario run: its verdict and one row per step (`--list` writes none). */
function scenarioSummary(report: ScenarioReport): string | undefined {
  if (isScenarioList(report)) return undefined;
  const { steps, met, notMet } = report.summary;
  const verdict = report.interrupted
    ? `⏹️ Interrupted: ${report.steps.length} of ${count(steps, 'step')} sent`
    : report.ok
      ? `✅ All ${steps} steps answered as expected`
      : `❌ ${notMet} of ${count(steps, 'step')} not answered as expected; ${met} ${met === 1 ? 'was' : 'were'}`;
  const lines = [
    `### tc-webhook scenario ${markdownCell(report.scenario.name)} ${markdownCell(report.url)}`,
    '',
    `**${verdict}** (${count(report.requestsSent, 'request')} sent).`,
    '',
  ];
  const rows = report.steps.map((s) => [
    String(s.step),
    s.event,
    s.lines.join(', '),
    String(s.expect),
    `${s.met ? '✅' : '❌'} ${answerText(s.status)}`,
    s.outcome,
    [
      s.tradecloud,
      ...(s.redeliveries ?? []).map(
        (a, i) =>
          `repeat ${i + 1}: ${answerText(a.status)}${a.sameClass ? '' : ' (a different class of answer)'}`,
      ),
    ].join('\n'),
  ]);
  lines.push(
    ...table(
      ['Step', 'Event', 'Lines', 'Expected', 'Answer', 'Outcome', 'What Tradecloud does'],
      rows,
      rows.length,
      'steps',
    ),
  );
  if (report.documentsSummary) {
    const { documents, fetched } = report.documentsSummary;
    lines.push('', `Documents: ${fetched} of ${documents} fetched as Tradecloud expects.`);
  }
  return lines.join('\n');
}
