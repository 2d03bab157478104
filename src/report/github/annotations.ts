import type { CheckTlsReport } from '../check-tls-report.js';
import { gradeShortfall } from '../check-tls-verdict.js';
import type { DoctorReport } from '../../core/doctor/doctor-types.js';
import type { ReportKind, ReportOf } from '../render.js';
import type { PayloadIssue, PayloadResult, ValidateReport } from '../validate-report.js';
import type { Annotation, AnnotationLevel } from './workflow-commands.js';
import { scenarioAnnotations, scenarioAnswerBodies } from './scenario-annotations.js';
import { workspacePath, type Workspace } from './workspace-path.js';

/**
 * GitHub shows only the first few annotations of a step; past this many per level the rest are
 * counted in one notice (the report on stdout and the step summary list them all).
 */
export const ANNOTATIONS_PER_LEVEL = 50;

type Annotate<K extends ReportKind> = (report: ReportOf[K], where: Workspace) => Annotation[];

/** The commands whose findings become annotations. */
const ANNOTATORS: { [K in ReportKind]?: Annotate<K> } = {
  validate: validateAnnotations,
  'check-tls': checkTlsAnnotations,
  doctor: doctorAnnotations,
  scenario: scenarioAnnotations,
};

export function annotationsOf<K extends ReportKind>(
  kind: K,
  report: ReportOf[K],
  where: Workspace,
): Annotation[] {
  const annotate = ANNOTATORS[kind];
  return annotate ? capAnnotations(annotate(report, where)) : [];
}

/**
 * Answer bodies worth showing in the log beside the annotations (a scenario's failed steps): text
 * from outside, for the caller to fence against workflow commands.
 */
export function answerBodiesOf<K extends ReportKind>(
  kind: K,
  report: ReportOf[K],
): Array<{ title: string; text: string }> {
  return kind === 'scenario' ? scenarioAnswerBodies(report as ReportOf['scenario']) : [];
}

function capAnnotations(all: Annotation[]): Annotation[] {
  const kept: Annotation[] = [];
  const left: Partial<Record<AnnotationLevel, number>> = {};
  const seen: Partial<Record<AnnotationLevel, number>> = {};
  for (const a of all) {
    seen[a.level] = (seen[a.level] ?? 0) + 1;
    if (seen[a.level]! <= ANNOTATIONS_PER_LEVEL) kept.push(a);
    else left[a.level] = (left[a.level] ?? 0) + 1;
  }
  const words: Record<AnnotationLevel, string> = { error: 'error', warning: 'warning', notice: 'notice' };
  for (const level of ['error', 'warning', 'notice'] as const) {
    const n = left[level];
    if (n) {
      kept.push({
        level: 'notice',
        message: `${n} more ${words[level]}${n === 1 ? '' : 's'} not annotated; the report lists them all`,
      });
    }
  }
  return kept;
}

function validateAnnotations(report: ValidateReport, where: Workspace): Annotation[] {
  const out: Annotation[] = [];
  for (const file of report.files) {
    for (const issue of file.errors) out.push(payloadAnnotation('error', file, issue, where));
    for (const issue of file.warnings) out.push(payloadAnnotation('warning', file, issue, where));
  }
  return out;
}

/**
 * A JSON finding points at its line and column; a tXML finding names its element path in the
 * message (the XML is converted before it is validated, so a schema finding has no line).
 */
function payloadAnnotation(
  level: AnnotationLevel,
  file: PayloadResult,
  issue: PayloadIssue,
  where: Workspace,
): Annotation {
  const located = workspacePath(file.file, where);
  const field = issue.path === '' ? '(body)' : issue.path;
  const element = issue.element !== undefined ? ` (element ${issue.element})` : '';
  const message = `${field}: ${issue.message}${element}`;
  const title = `tc-webhook validate: ${issue.keyword}`;
  if (!located) {
    // Standard input: no file to point at, so its position goes in the message.
    const at = issue.line !== undefined ? `:${issue.line}:${issue.column ?? 1}` : '';
    return { level, title, message: `${file.file}${at}: ${message}` };
  }
  return {
    level,
    title,
    message,
    file: located.path,
    ...(issue.line !== undefined ? { line: issue.line, col: issue.column ?? 1 } : {}),
  };
}

function checkTlsAnnotations(report: CheckTlsReport): Annotation[] {
  const title = `tc-webhook check-tls ${report.target}`;
  const out: Annotation[] = [];
  for (const check of report.checks) {
    if (check.status !== 'fail' && check.status !== 'warn') continue;
    out.push({
      level: check.status === 'fail' ? 'error' : 'warning',
      title,
      message: `${check.id}: ${check.message}`,
    });
  }
  if (report.grade && !report.grade.complete) {
    out.push({
      level: 'warning',
      title,
      message: `tls.grade: incomplete: ${report.grade.unknown.join('; ')}`,
    });
  }
  const shortfall = report.grade ? gradeShortfall(report.grade) : null;
  if (shortfall) out.push({ level: 'error', title, message: `tls.grade: ${shortfall}` });
  return out;
}

function doctorAnnotations(report: DoctorReport): Annotation[] {
  const title = `tc-webhook doctor ${report.url}`;
  const out: Annotation[] = [];
  for (const check of report.checks) {
    const level = doctorLevel(check.status);
    if (!level) continue;
    const status = isInconclusive(check.status) ? 'inconclusive: ' : '';
    const fix = check.fix ? ` Fix: ${check.fix}` : '';
    out.push({ level, title, message: `${check.title}: ${status}${check.message}${fix}` });
  }
  return out;
}

function doctorLevel(status: DoctorReport['checks'][number]['status']): AnnotationLevel | undefined {
  if (status === 'fail') return 'error';
  if (status === 'warn' || isInconclusive(status)) return 'warning';
  return undefined;
}

/** A check doctor could not decide (the endpoint refused the credentials it was given). */
export function isInconclusive(status: string): boolean {
  return status === 'inconclusive';
}
