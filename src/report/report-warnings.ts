import type { CheckTlsReport } from './check-tls-report.js';
import type { DoctorReport } from '../core/doctor/doctor-types.js';
import type { ReportKind, ReportOf } from './render.js';
import type { ValidateReport } from './validate-report.js';
import { scenarioHasWarnings } from './github/scenario-annotations.js';

/**
 * Whether a report holds a warning, which `--fail-on warning` turns into exit 1: a payload warning,
 * a check that warned, a doctor check that was inconclusive, a scenario step answered as expected only after retries
 * or with a repeat answered differently. A skipped check is not a warning.
 */
const WARNED: { [K in ReportKind]?: (report: ReportOf[K]) => boolean } = {
  validate: (report: ValidateReport) => report.summary.warnings > 0,
  'check-tls': (report: CheckTlsReport) =>
    report.checks.some((c) => c.status === 'warn') || report.grade?.complete === false,
  doctor: (report: DoctorReport) =>
    report.checks.some((c) => c.status === 'warn' || (c.status as string) === 'inconclusive'),
  scenario: scenarioHasWarnings,
};

export function hasWarnings<K extends ReportKind>(kind: K, report: ReportOf[K]): boolean {
  const warned = WARNED[kind];
  return warned?.(report) ?? false;
}
