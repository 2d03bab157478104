import { UsageError } from '../../errors.js';
import { hasOverrides, type BodyOverrides } from '../payload/body-overrides.js';
import { seededNow } from '../payload/dates.js';
import { createRandom } from '../payload/prng.js';
import { renderBody } from '../payload/render-body.js';
import type { PayloadFormat, PayloadRequest } from '../requests/payload-request.js';
import { tellOrderStory } from './order-story.js';
import type { ScenarioBody, ScenarioDefinition } from './scenario-types.js';
import { tellShipmentStory } from './shipment-story.js';

export interface ScenarioRequestsOptions {
  format: PayloadFormat;
  /** Same seed, same bytes for every step; without one, ids and timestamps are fresh. */
  seed?: number;
  now: Date;
  /** Told when a step's `set`/`overlay` makes its body invalid (the body is still sent). */
  onWarning?: (message: string) => void;
  /** Last change to each body before it is rendered (the document API mock registers its documents). */
  prepare?: (
    body: Record<string, unknown>,
    where: { event: string; request: number },
  ) => Record<string, unknown>;
}

export interface ScenarioRequest extends PayloadRequest {
  step: number;
  lines: number[];
}

const HOUR_MS = 3_600_000;

/** When each step happens: the last one now, the others before it, as the steps place them (a day apart by default). */
function stepTimes(definition: ScenarioDefinition, now: Date): Date[] {
  const hours = definition.steps.map((s, i) => s.atHours ?? i * 24);
  const last = hours[hours.length - 1] ?? 0;
  return hours.map((h) => new Date(now.getTime() - (last - h) * HOUR_MS));
}

function merged(a: BodyOverrides | undefined, b: BodyOverrides | undefined): BodyOverrides {
  return {
    overlays: [...(a?.overlays ?? []), ...(b?.overlays ?? [])],
    sets: [...(a?.sets ?? []), ...(b?.sets ?? [])],
  };
}

/** The scenario's bodies, one per step, built from one story and rendered as Tradecloud sends them. */
export async function buildScenarioRequests(
  definition: ScenarioDefinition,
  options: ScenarioRequestsOptions,
): Promise<ScenarioRequest[]> {
  if (definition.type === 'shipment' && options.format === 'txml') {
    throw new UsageError(
      `--format txml: the scenario ${definition.name} is about shipments, and Tradecloud's shipment webhook sends JSON only`,
      'Leave out --format, or choose an order scenario',
    );
  }
  const rng = createRandom(options.seed);
  const now = options.seed === undefined ? options.now : seededNow(rng.int);
  const input = { steps: definition.steps, times: stepTimes(definition, now), rng };
  const bodies: ScenarioBody[] =
    definition.type === 'shipment'
      ? tellShipmentStory({ ...input, mode: 'schedule' })
      : tellOrderStory({ ...input, mode: definition.type === 'order' ? 'schedule' : 'single' });
  const requests: ScenarioRequest[] = [];
  const every = definition.steps.reduce<BodyOverrides>(
    (all, step) => merged(all, step.overrides),
    merged(definition.overrides, undefined),
  );
  const tallies = hasOverrides(every) ? await import('../payload/override-tally.js') : undefined;
  const tally = tallies?.createOverrideTally();
  for (const [i, built] of bodies.entries()) {
    const overrides = merged(definition.overrides, definition.steps[i]?.overrides);
    let body = built.body;
    if (hasOverrides(overrides)) {
      const { overrideBody } = await import('../payload/override-bodies.js');
      const result = await overrideBody(body, definition.type, overrides, tally);
      for (const warning of result.warnings) options.onWarning?.(`step ${built.step}: ${warning}`);
      body = result.body;
    }
    if (options.prepare) body = options.prepare(body, { event: built.event, request: i });
    const { contentType, text } = await renderBody(body, definition.type, options.format);
    requests.push({
      step: built.step,
      event: built.event,
      lines: built.lines,
      type: definition.type,
      format: options.format,
      contentType,
      body: text,
    });
  }
  if (tally) tallies?.checkOverridesApplied(every, tally);
  return requests;
}
