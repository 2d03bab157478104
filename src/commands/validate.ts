import type { CommandContext } from './context.js';
import type { ValidateOptions } from './options.js';

export interface ValidateReport {
  ok: boolean;
  [key: string]: unknown;
}

export async function validateCommand(
  _options: ValidateOptions,
  _ctx: CommandContext,
): Promise<ValidateReport> {
  throw new Error('validate is not built yet');
}
