import type { CommandContext } from './context.js';
import type { SampleOptions } from './options.js';

/** The payload body, exactly as it would be sent. */
export async function sampleCommand(_options: SampleOptions, _ctx: CommandContext): Promise<string> {
  throw new Error('sample is not built yet');
}
