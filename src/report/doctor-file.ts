import type { DoctorReport } from '../commands/doctor.js';

/** Writes the doctor report as JUnit XML (.xml) or Markdown (.md), chosen by the file's extension. */
export async function writeDoctorReportFile(
  _report: DoctorReport,
  _file: string,
  _cwd: string,
): Promise<void> {
  throw new Error('doctor reports are not built yet');
}
