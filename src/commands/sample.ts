import { hasOverrides } from '../core/payload/body-overrides.js';
import { generatePayload } from '../core/payload/generate.js';
import { describeSampleCaveats } from '../core/payload/notes.js';
import { renderBody } from '../core/payload/render-body.js';
import { selectEvents } from '../core/payload/events.js';
import type { CommandContext } from './context.js';
import type { SampleOptions } from './options.js';

/** The payload body, exactly as it would be sent; cautions about it go to stderr. */
export async function sampleCommand(options: SampleOptions, ctx: CommandContext): Promise<string> {
  const [first, ...others] = options.events ?? [];
  const { type, events } = selectEvents({ type: options.type, event: first });
  const event = events[0] as string;
  if (others.length > 0) {
    // Each name must still be one Tradecloud sends: a typo among them is an error, not a note.
    for (const name of others) selectEvents({ type: options.type, event: name });
    ctx.stderr.write(
      `note: sample prints one payload: ${event}, not ${others.join(', ')}. ` +
        `Run sample once per event, or send-sample --dry-run --event ${[event, ...others].join(',')} to see them all\n`,
    );
  }
  let body = generatePayload({ type, event, seed: options.seed, now: ctx.deps.now() });
  for (const note of describeSampleCaveats(type, options.format)) ctx.stderr.write(`note: ${note}\n`);
  if (hasOverrides(options.overrides)) {
    const { overrideBody } = await import('../core/payload/override-bodies.js');
    const { createOverrideTally, checkOverridesApplied } = await import('../core/payload/override-tally.js');
    const tally = createOverrideTally();
    const overridden = await overrideBody(body, type, options.overrides, tally);
    checkOverridesApplied(options.overrides, tally);
    for (const warning of overridden.warnings) ctx.stderr.write(`warning: ${warning}\n`);
    body = overridden.body;
  }
  const rendered = await renderBody(body, type, options.format);
  return rendered.text;
}
