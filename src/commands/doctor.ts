import type { DoctorReport } from '../core/doctor/doctor-types.js';
import type { CommandContext } from './context.js';
import type { DoctorOptions } from './options.js';

export type { DoctorReport } from '../core/doctor/doctor-types.js';

export async function doctorCommand(_options: DoctorOptions, _ctx: CommandContext): Promise<DoctorReport> {
  throw new Error('doctor is not built yet');
}
