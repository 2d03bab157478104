import { UsageError } from '../../errors.js';
import { EVENT_CATALOG, type WebhookType } from '../model/event-catalog.js';
import { levenshtein } from '../text/levenshtein.js';

export { EVENT_CATALOG, type WebhookType };
export { bodyKindOf } from '../model/body-fields.js';

export interface EventSelection {
  type: WebhookType;
  events: string[];
}

/** The type an event name is inferred to: order events go to the (multi-delivery) order body. */
const OWNER_ORDER: readonly WebhookType[] = ['order', 'order-documents', 'shipment'];

const ARTICLE: Record<WebhookType, string> = {
  order: 'an order',
  'single-delivery': 'a single-delivery',
  'order-documents': 'an order-documents',
  shipment: 'a shipment',
};

const HELP_HINT = 'Run tc-webhook sample --help to list the event names of each type';

function ownerOf(event: string): WebhookType | undefined {
  return OWNER_ORDER.find((type) => EVENT_CATALOG[type].includes(event));
}

/** The names nearest to `name`: all that look like a slip of the keyboard, else the best three. */
export function closestEventNames(name: string, candidates: readonly string[]): string[] {
  const { distance } = levenshtein();
  const wanted = name.toLowerCase();
  const ranked = candidates
    .map((candidate, index) => ({ candidate, index, d: distance(wanted, candidate.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || a.index - b.index);
  const slips = ranked.filter((r) => r.d <= Math.max(2, Math.floor(name.length / 4)));
  return (slips.length > 0 ? slips : ranked).slice(0, 3).map((r) => r.candidate);
}

function listNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/**
 * Resolves --type / --event / --all to the events to generate. The error messages carry the close
 * matches themselves, so they read the same whether printed by the CLI or caught by a caller.
 */
export function selectEvents(options: { type?: WebhookType; event?: string; all?: boolean }): EventSelection {
  const { event } = options;
  if (event === undefined) {
    const type = options.type ?? 'order';
    const names = EVENT_CATALOG[type];
    return { type, events: options.all ? [...names] : names.slice(0, 1) };
  }
  if (options.all) {
    throw new UsageError(
      `--all and --event cannot be combined. Use --all with --type to choose the list, or --event alone`,
    );
  }
  const owner = ownerOf(event);
  if (owner === undefined) {
    const pool = options.type ? EVENT_CATALOG[options.type] : Object.values(EVENT_CATALOG).flat();
    const suggestions = listNames(closestEventNames(event, [...new Set(pool)]));
    throw new UsageError(`unknown event "${event}". Did you mean ${suggestions}? ${HELP_HINT}`, undefined, {
      code: 'usage.unknown-event',
    });
  }
  const type = options.type ?? owner;
  if (!EVENT_CATALOG[type].includes(event)) {
    const suggestions = listNames(closestEventNames(event, EVENT_CATALOG[type]));
    throw new UsageError(
      `event "${event}" is ${ARTICLE[owner]} event, not ${ARTICLE[type]} event. ` +
        `Use --type ${owner} (or leave --type out), or ${ARTICLE[type]} event such as ${suggestions}`,
    );
  }
  return { type, events: [event] };
}

/**
 * Resolves --type / --event (a list) / --all to the events to generate, grouped by webhook type in
 * the order named: without --type each name goes to the type it belongs to.
 */
export function selectEventList(options: {
  type?: WebhookType;
  events?: readonly string[];
  all?: boolean;
}): EventSelection[] {
  const { events } = options;
  if (events === undefined || events.length === 0) {
    return [selectEvents({ ...(options.type ? { type: options.type } : {}), all: options.all ?? false })];
  }
  const groups: EventSelection[] = [];
  for (const event of events) {
    const { type } = selectEvents({ type: options.type, event, all: options.all });
    const group = groups.find((g) => g.type === type);
    if (group) group.events.push(event);
    else groups.push({ type, events: [event] });
  }
  return groups;
}

/** The webhook types of these event names, in the order first named (an order event goes to `order`). */
export function typesOfEvents(events: readonly string[]): WebhookType[] {
  return selectEventList({ events }).map((g) => g.type);
}
