import { hasOverrides, type BodyOverrides, type OverrideTally } from '../payload/body-overrides.js';
import { selectEventList } from '../payload/events.js';
import { generatePayload } from '../payload/generate.js';
import { renderBody } from '../payload/render-body.js';
import type { PayloadFormat, PayloadRequest, WebhookType } from './payload-request.js';

export interface GenerateRequestsOptions {
  type?: WebhookType;
  /** Event names (--event); each goes to its own type unless `type` is given. */
  events?: readonly string[];
  all: boolean;
  format: PayloadFormat;
  seed?: number;
  now: Date;
  /** --overlay and --set, applied to each generated body before it is rendered. */
  overrides?: BodyOverrides;
  /**
   * Records which overrides reached a body, when the caller's run spans several calls (doctor);
   * without one, an override that changes none of these bodies is refused here.
   */
  overrideTally?: OverrideTally;
  /** Told when an override makes a body invalid (the body is still sent). */
  onWarning?: (message: string) => void;
  /** Last change to each body before it is rendered (the document API mock links its documents). */
  prepare?: (
    body: Record<string, unknown>,
    where: { event: string; request: number },
  ) => Record<string, unknown>;
}

/**
 * One generated body per selected event, rendered once: a burst repeats these bodies rather than
 * generating a payload per request. With a seed, event i uses seed + i, so the first event's body
 * is the same bytes `tc-webhook sample --seed` prints.
 */
export async function generateRequests(options: GenerateRequestsOptions): Promise<PayloadRequest[]> {
  const selected = selectEventList({ type: options.type, events: options.events, all: options.all });
  const events = selected.flatMap(({ type, events }) => events.map((event) => ({ type, event })));
  const requests: PayloadRequest[] = [];
  const overrides = hasOverrides(options.overrides) ? options.overrides : undefined;
  const tallies = overrides ? await import('../payload/override-tally.js') : undefined;
  const tally = options.overrideTally ?? tallies?.createOverrideTally();
  for (const [i, { type, event }] of events.entries()) {
    const seed = options.seed === undefined ? undefined : options.seed + i;
    let payload = generatePayload({
      type,
      event,
      now: options.now,
      ...(seed === undefined ? {} : { seed }),
    });
    if (overrides) {
      const { overrideBody } = await import('../payload/override-bodies.js');
      const overridden = await overrideBody(payload, type, overrides, tally);
      for (const warning of overridden.warnings) options.onWarning?.(warning);
      payload = overridden.body;
    }
    if (options.prepare) payload = options.prepare(payload, { event, request: i });
    const { contentType, text } = await renderBody(payload, type, options.format);
    requests.push({ event, type, format: options.format, contentType, body: text });
  }
  if (overrides && tally && !options.overrideTally) tallies?.checkOverridesApplied(overrides, tally);
  return requests;
}
