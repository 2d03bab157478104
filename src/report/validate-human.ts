import type { ValidateReport } from '../commands/validate.js';

export function renderValidateHuman(report: ValidateReport, _options: { color: boolean }): string {
  return JSON.stringify(report, null, 2);
}
