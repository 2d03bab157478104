import type { CommandContext } from './context.js';
import type { CheckTlsOptions } from './options.js';

export interface CheckTlsReport {
  ok: boolean;
  [key: string]: unknown;
}

export async function checkTlsCommand(
  _options: CheckTlsOptions,
  _ctx: CommandContext,
): Promise<CheckTlsReport> {
  throw new Error('check-tls is not built yet');
}
