import type { CheckTlsReport } from '../commands/check-tls.js';

export function renderCheckTlsHuman(report: CheckTlsReport, _options: { color: boolean }): string {
  return JSON.stringify(report, null, 2);
}
