import type { TlsGrade } from '../core/tls/grade/grade-types.js';
import type { CheckTlsReport } from './check-tls-report.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Why the grade misses --min-grade, said plainly (null when it meets it or none was asked for).
 * One wording for the human report, annotations, SARIF and the step summary.
 */
export function gradeShortfall(grade: TlsGrade): string | null {
  const minimum = grade.minimum;
  if (!minimum || minimum.met) return null;
  if (grade.complete === false) {
    return `the grade is incomplete (${grade.unknown.join('; ')}), so it cannot meet --min-grade ${minimum.letter}`;
  }
  if (grade.letter === 'T') return `grade T (certificate not trusted) fails every --min-grade`;
  if (grade.letter === 'M') return `grade M (certificate name mismatch) fails every --min-grade`;
  return `grade ${grade.letter} is below the required ${minimum.letter} (--min-grade)`;
}

/** The last line of check-tls's report, without colour: "OK: …" or "FAILED: …". */
export function checkTlsVerdict(report: CheckTlsReport): { ok: boolean; text: string } {
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  const warned = report.checks.filter((c) => c.status === 'warn').length;
  const warnings = warned > 0 ? `, ${plural(warned, 'warning')}` : '';
  const shortfall = report.grade ? gradeShortfall(report.grade) : null;
  if (failed === 0 && shortfall === null) return { ok: true, text: `OK: no check failed${warnings}` };
  if (failed === 0) return { ok: false, text: `FAILED: ${shortfall}; no check failed${warnings}` };
  const checks = `${plural(failed, 'check')} failed${warnings}`;
  return { ok: false, text: `FAILED: ${checks}${shortfall ? `; ${shortfall}` : ''}` };
}
