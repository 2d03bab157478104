import type { DoctorReport } from '../core/doctor/doctor-types.js';
import type { ScenarioReport } from '../core/scenario/scenario-report.js';
import type { CheckTlsReport } from './check-tls-report.js';
import type { DevCertReport } from './dev-cert-report.js';
import type { SendSampleReport } from './send-sample-report.js';
import type { ValidateReport } from './validate-report.js';
import { preparePalette } from './palette.js';

/**
 * One report, two renderings: `--json` prints the report object itself; otherwise the human
 * renderer for that kind of report, loaded only when needed (it brings chalk). The map pairs each
 * kind with its report type, so a report cannot reach the wrong renderer.
 */
export interface ReportOf {
  'check-tls': CheckTlsReport;
  'send-sample': SendSampleReport;
  validate: ValidateReport;
  doctor: DoctorReport;
  'dev-cert': DevCertReport;
  scenario: ScenarioReport;
}
export type ReportKind = keyof ReportOf;
export type ReportFormat = 'human' | 'json';

export interface RenderOptions {
  format: ReportFormat;
  color: boolean;
}

type HumanRenderer<K extends ReportKind> = (report: ReportOf[K], options: { color: boolean }) => string;

const humanRenderers: { [K in ReportKind]: () => Promise<HumanRenderer<K>> } = {
  'check-tls': async () => (await import('./check-tls-human.js')).renderCheckTlsHuman,
  'send-sample': async () => (await import('./send-sample-human.js')).renderSendSampleHuman,
  validate: async () => (await import('./validate-human.js')).renderValidateHuman,
  doctor: async () => (await import('./doctor-human.js')).renderDoctorHuman,
  'dev-cert': async () => (await import('./dev-cert-human.js')).renderDevCertHuman,
  scenario: async () => (await import('./scenario-human.js')).renderScenarioHuman,
};

export async function renderReport<K extends ReportKind>(
  kind: K,
  report: ReportOf[K],
  options: RenderOptions,
): Promise<string> {
  if (options.format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const [render] = await Promise.all([humanRenderers[kind](), preparePalette(options.color)]);
  const text = render(report, { color: options.color });
  return text.endsWith('\n') ? text : `${text}\n`;
}
