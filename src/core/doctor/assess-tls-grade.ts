import type { DoctorCheck } from './doctor-types.js';

export interface GradeLike {
  letter: string;
  caps: readonly { letter: string; reason: string; fix: string }[];
  complete?: boolean;
  unknown?: readonly string[];
}

const GOOD = new Set(['A+', 'A']);

/**
 * check-tls --grade's letter as information beside the TLS check: it never fails doctor (Tradecloud
 * does not grade endpoints), and warns below A so that weak settings are seen (docs/tls-grade.md).
 */
export function summarizeGrade(grade: GradeLike | undefined): DoctorCheck {
  const title = 'TLS grade (estimate)';
  if (!grade) {
    return { id: 'tls-grade', title, status: 'skip', message: 'not graded: TLS failed' };
  }
  const estimate = "an estimate following SSL Labs' published rules";
  if (grade.complete === false) {
    return {
      id: 'tls-grade',
      title,
      status: 'warn',
      message: `${grade.letter}, incomplete (${estimate}): some probes got no answer`,
      fix: 'run it again later; a server that stops answering mid-check cannot be graded',
      details: [...(grade.unknown ?? [])],
    };
  }
  if (GOOD.has(grade.letter)) {
    return { id: 'tls-grade', title, status: 'pass', message: `${grade.letter} (${estimate})` };
  }
  const limiting = grade.caps.filter((c) => c.letter !== 'A');
  return {
    id: 'tls-grade',
    title,
    status: 'warn',
    message: `${grade.letter} (${estimate}): below A`,
    fix: 'see the details, or run tc-webhook check-tls --grade for the full assessment',
    details: limiting.map((c) => `${c.letter}: ${c.reason}; ${c.fix}`),
  };
}
