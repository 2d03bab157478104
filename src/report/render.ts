/**
 * One report, two renderings: `--json` prints the report object itself; otherwise a human
 * renderer for that kind of report, loaded only when needed (it brings chalk).
 */
export type ReportKind = 'check-tls' | 'send-sample' | 'validate' | 'doctor';
export type ReportFormat = 'human' | 'json';

export interface RenderOptions {
  format: ReportFormat;
  color: boolean;
}

// The renderers are typed loosely here on purpose: each module types its own report.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type HumanRenderer = (report: any, options: { color: boolean }) => string;

const humanRenderers: Record<ReportKind, () => Promise<HumanRenderer>> = {
  'check-tls': async () => (await import('./check-tls-human.js')).renderCheckTlsHuman,
  'send-sample': async () => (await import('./send-sample-human.js')).renderSendSampleHuman,
  validate: async () => (await import('./validate-human.js')).renderValidateHuman,
  doctor: async () => (await import('./doctor-human.js')).renderDoctorHuman,
};

export async function renderReport(
  kind: ReportKind,
  report: unknown,
  options: RenderOptions,
): Promise<string> {
  if (options.format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const render = await humanRenderers[kind]();
  const text = render(report, { color: options.color });
  return text.endsWith('\n') ? text : `${text}\n`;
}
