import type { DoctorReport } from '../core/doctor/doctor-types.js';
import { UsageError } from '../errors.js';
import { markdownCell } from './github/markdown-text.js';
import { count } from '../core/text/count.js';

/** Report files a CI job can publish, chosen by extension. */
export type DoctorFileFormat = 'junit' | 'markdown';

export function doctorFileFormat(file: string): DoctorFileFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.xml')) return 'junit';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  throw new UsageError(
    `--report ${file}: unknown report format`,
    'Name the file *.xml for JUnit XML or *.md for Markdown',
  );
}

export function renderDoctorFile(report: DoctorReport, format: DoctorFileFormat): string {
  return format === 'junit' ? renderJunit(report) : renderMarkdown(report);
}

export function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** JUnit XML: one test case per check; warnings pass with their text in system-out. */
function renderJunit(report: DoctorReport): string {
  const failures = report.checks.filter((k) => k.status === 'fail').length;
  const skipped = report.checks.filter((k) => k.status === 'skip' || k.status === 'inconclusive').length;
  const cases = report.checks.map((k) => {
    const name = xmlEscape(`${k.id}: ${k.title}`);
    const text = xmlEscape([k.message, ...(k.details ?? []), ...(k.fix ? [`fix: ${k.fix}`] : [])].join('\n'));
    const open = `    <testcase classname="tc-webhook.doctor" name="${name}">`;
    const sent =
      k.id === 'status-codes' && report.invalidPayload
        ? `\n      <system-out>${xmlEscape(`the invalid payload sent (${report.invalidPayload.contentType}):\n${report.invalidPayload.body}`)}</system-out>`
        : '';
    if (k.status === 'fail')
      return `${open}\n      <failure message="${xmlEscape(k.message)}">${text}</failure>${sent}\n    </testcase>`;
    if (k.status === 'skip')
      return `${open}\n      <skipped message="${xmlEscape(k.message)}"/>\n    </testcase>`;
    // JUnit has no "could not tell": a skipped case whose message says so, with the fix as its text.
    if (k.status === 'inconclusive')
      return `${open}\n      <skipped message="${xmlEscape(`inconclusive: ${k.message}`)}">${text}</skipped>\n    </testcase>`;
    return `${open}\n      <system-out>${xmlEscape(`${k.status}: `)}${text}${sent ? xmlEscape(`\n\nthe invalid payload sent (${report.invalidPayload!.contentType}):\n${report.invalidPayload!.body}`) : ''}</system-out>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tc-webhook doctor" tests="${report.checks.length}" failures="${failures}" skipped="${skipped}">`,
    `  <testsuite name="${xmlEscape(`doctor ${report.url}`)}" tests="${report.checks.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** Answer bodies and server messages are shown as text, never as markup, links or HTML. */
export function mdCell(text: string): string {
  return markdownCell(text);
}

/** Markdown: a verdict line and one table row per check. */
function renderMarkdown(report: DoctorReport): string {
  const icon = {
    pass: '✅ pass',
    warn: '⚠️ warn',
    fail: '❌ fail',
    skip: '➖ skip',
    inconclusive: '❔ inconclusive',
  } as const;
  const rows = report.checks.map(
    (k) =>
      `| ${mdCell(k.title)} | ${icon[k.status]} | ${mdCell(k.message)} | ${mdCell([...(k.details ?? []), ...(k.fix ? [`Fix: ${k.fix}`] : [])].join('\n'))} |`,
  );
  return [
    `# Tradecloud webhook readiness: ${mdCell(report.url)}`,
    '',
    `**${report.ok ? 'Ready' : 'Not ready'}**: ${report.types.join(', ')} webhook, ${report.format === 'txml' ? 'tXML' : 'JSON'}, ${count(report.requestsSent, 'request')} sent.`,
    '',
    '| Check | Status | Result | Details |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    ...invalidPayloadSection(report),
  ].join('\n');
}

/** The body behind "Status codes for a bad payload", fenced longer than any backtick run inside it. */
function invalidPayloadSection(report: DoctorReport): string[] {
  if (!report.invalidPayload) return [];
  const { contentType, body } = report.invalidPayload;
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return [
    '## The invalid payload doctor sent',
    '',
    `For the check "Status codes for a bad payload" (${contentType}):`,
    '',
    `${fence}${contentType === 'application/xml' ? 'xml' : 'json'}`,
    body.trimEnd(),
    fence,
    '',
  ];
}
