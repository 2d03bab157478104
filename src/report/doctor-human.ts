import type { DoctorReport } from '../core/doctor/doctor-types.js';
import { palette } from './palette.js';
import { count } from '../core/text/count.js';

const MARKS = { pass: '✓', warn: '!', fail: '✗', skip: '-', inconclusive: '?' } as const;
const HEADINGS = { fail: 'Failed', inconclusive: 'Inconclusive', warn: 'Warning' } as const;

/** The TLS warning of a chain trusted only through --ca (assess-tls-summary.ts): Tradecloud would refuse it. */
function localTrustOnly(report: DoctorReport): boolean {
  return report.checks.some(
    (k) =>
      k.id === 'tls' &&
      k.status === 'warn' &&
      k.message.startsWith('the trust check would fail at Tradecloud'),
  );
}

/** A checklist: one line per check, then the details and fixes of warnings and failures, then the verdict. */
export function renderDoctorHuman(report: DoctorReport, options: { color: boolean }): string {
  const c = palette(options.color);
  const paint = { pass: c.green, warn: c.yellow, fail: c.red, skip: c.gray, inconclusive: c.red } as const;
  const width = Math.max(...report.checks.map((k) => k.title.length));
  const lines = [c.bold(`tc-webhook doctor ${report.url}`)];
  if (report.proxy) lines.push(c.dim(`  through the proxy ${report.proxy} (Tradecloud connects directly)`));
  if (report.authInferredFrom)
    lines.push(c.dim(`  auth: ${report.auth}, inferred from ${report.authInferredFrom.join(' and ')}`));
  lines.push('');
  for (const check of report.checks) {
    const mark = paint[check.status](MARKS[check.status]);
    lines.push(`${mark} ${check.title.padEnd(width)}  ${check.message}`);
  }
  // What to fix first comes first: failures, then what they left inconclusive, then warnings.
  const noteworthy = (['fail', 'inconclusive', 'warn'] as const).flatMap((status) =>
    report.checks.filter((k) => k.status === status).map((check) => ({ check, status })),
  );
  for (const { check, status } of noteworthy) {
    lines.push('', paint[status](`${HEADINGS[status]}: ${check.title}`));
    for (const detail of check.details ?? []) lines.push(`  ${detail}`);
    if (check.fix) lines.push(`  ${c.bold('fix:')} ${check.fix}`);
  }
  if (report.invalidPayload) {
    const { contentType, body } = report.invalidPayload;
    lines.push('', c.dim(`The invalid payload sent for "Status codes for a bad payload" (${contentType}):`));
    for (const line of body.trimEnd().split('\n')) lines.push(c.dim(`  ${line}`));
  }
  lines.push(
    '',
    report.interrupted
      ? c.yellow.bold(
          `Interrupted: no verdict (${report.requestsSent} of ${count(report.requestsPlanned, 'request')} sent).`,
        )
      : report.ok
        ? c.green.bold(
            localTrustOnly(report)
              ? `Ready but for the certificate: with one from a public CA, Tradecloud can deliver to this endpoint (${count(report.requestsSent, 'request')} sent).`
              : `Ready: Tradecloud can deliver to this endpoint (${count(report.requestsSent, 'request')} sent).`,
          )
        : c.red.bold(
            `Not ready: ${fixFirst(report.checks)} (${count(report.requestsSent, 'request')} sent).`,
          ),
  );
  return lines.join('\n');
}

/** "fix the failed check above", "fix the 2 failed checks above": the checks are listed before the verdict. */
function fixFirst(checks: readonly { status: string }[]): string {
  const failed = checks.filter((k) => k.status === 'fail').length;
  const n = failed > 0 ? failed : checks.filter((k) => k.status === 'inconclusive').length;
  const kind = failed > 0 ? 'failed' : 'inconclusive';
  return n === 1 ? `fix the ${kind} check above` : `fix the ${n} ${kind} checks above`;
}
