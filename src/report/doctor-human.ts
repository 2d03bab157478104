import type { DoctorReport } from '../commands/doctor.js';

export function renderDoctorHuman(report: DoctorReport, _options: { color: boolean }): string {
  return JSON.stringify(report, null, 2);
}
