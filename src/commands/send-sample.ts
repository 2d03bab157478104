import type { CommandContext } from './context.js';
import type { SendSampleOptions } from './options.js';

export interface SendSampleReport {
  ok: boolean;
  [key: string]: unknown;
}

export async function sendSampleCommand(
  _options: SendSampleOptions,
  _ctx: CommandContext,
): Promise<SendSampleReport> {
  throw new Error('send-sample is not built yet');
}
