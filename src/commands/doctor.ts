import type { CommandContext } from './context.js';
import type { DoctorOptions } from './options.js';

export interface DoctorReport {
  ok: boolean;
  [key: string]: unknown;
}

export async function doctorCommand(_options: DoctorOptions, _ctx: CommandContext): Promise<DoctorReport> {
  throw new Error('doctor is not built yet');
}
