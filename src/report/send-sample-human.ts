import type { SendSampleReport } from '../commands/send-sample.js';

export function renderSendSampleHuman(report: SendSampleReport, _options: { color: boolean }): string {
  return JSON.stringify(report, null, 2);
}
