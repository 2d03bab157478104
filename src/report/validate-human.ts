import type { PayloadIssue, PayloadResult, ValidateReport } from './validate-report.js';
import { palette } from './palette.js';

type Paint = ReturnType<typeof palette>;

/** One line per file, its errors and warnings indented under it, then a summary line. */
export function renderValidateHuman(report: ValidateReport, options: { color: boolean }): string {
  const c = palette(options.color);
  const lines: string[] = [];
  for (const use of report.schemas) {
    if (use.source === 'spec')
      lines.push(c.dim(`${use.type} webhook schema: ${use.spec ?? ''}, ${use.operation}`));
  }
  for (const file of report.files) lines.push(...renderFile(file, c));
  lines.push('', renderSummary(report, c));
  return `${lines.join('\n')}\n`;
}

function renderFile(file: PayloadResult, c: Paint): string[] {
  const mark = file.valid ? c.green('✓') : c.red('✗');
  const what = [
    file.type ? `${file.type} webhook` : undefined,
    file.format === 'txml' ? 'tXML' : file.format?.toUpperCase(),
  ]
    .filter(Boolean)
    .join(', ');
  const lines = [`${mark} ${file.file}${what ? c.dim(`  ${what}`) : ''}`];
  for (const issue of file.errors) lines.push(renderIssue(c.red('✗'), issue, file.file, c));
  if (file.moreErrors)
    lines.push(`  ${c.red(`… and ${file.moreErrors} more error${plural(file.moreErrors)}`)}`);
  for (const issue of file.warnings) lines.push(renderIssue(c.yellow('!'), issue, file.file, c));
  if (file.moreWarnings) {
    lines.push(`  ${c.yellow(`… and ${file.moreWarnings} more warning${plural(file.moreWarnings)}`)}`);
  }
  return lines;
}

export function renderIssue(mark: string, issue: PayloadIssue, file: string, c: Paint): string {
  const path = issue.path === '' ? '(body)' : issue.path;
  const where =
    issue.element !== undefined
      ? `element ${issue.element}`
      : issue.line !== undefined
        ? `${file}:${issue.line}:${issue.column ?? 1}`
        : '';
  return `  ${mark} ${c.bold(path)}: ${issue.message}${where ? c.dim(` (${where})`) : ''}`;
}

function renderSummary(report: ValidateReport, c: Paint): string {
  const { files, valid, invalid, warnings } = report.summary;
  const parts = [`${files} file${plural(files)} checked`, c.green(`${valid} valid`)];
  parts.push(invalid > 0 ? c.red(`${invalid} invalid`) : `${invalid} invalid`);
  const warned = warnings > 0 ? `; ${c.yellow(`${warnings} warning${plural(warnings)}`)}` : '';
  const unlisted = files - report.files.length;
  const hidden =
    report.onlyFailed && unlisted > 0
      ? c.dim(` (${unlisted} file${plural(unlisted)} without findings not listed: --only-failed)`)
      : '';
  const stopped = report.interrupted
    ? `\n${c.yellow('interrupted: files after these were not checked')}`
    : '';
  return `${parts[0]}: ${parts.slice(1).join(', ')}${warned}${hidden}${stopped}`;
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}
