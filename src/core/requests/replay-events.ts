import { UsageError } from '../../errors.js';
import { EVENT_CATALOG } from '../model/event-catalog.js';
import { closestEventNames } from '../payload/events.js';
import type { PayloadRequest } from './payload-request.js';

const KNOWN = [...new Set(Object.values(EVENT_CATALOG).flat())];

/** `--event A,B` (split by the CLI): the names without blanks or repeats. */
function eventNamesOf(list: readonly string[]): string[] {
  return [...new Set(list.map((name) => name.trim()).filter((name) => name !== ''))];
}

/**
 * `send-sample --file <folder> --event <names>`: only the stored payloads whose eventName is one of
 * the names, in their order. A name no file carries is a usage error, as a mistyped name would
 * otherwise replay nothing and pass.
 */
export function selectReplayedEvents(requests: PayloadRequest[], list: readonly string[]): PayloadRequest[] {
  const names = eventNamesOf(list);
  if (names.length === 0) {
    throw new UsageError('--event is empty', 'Give one or more event names, e.g. --event OrderIssuedByBuyer');
  }
  const carried = new Set(requests.map((r) => r.event));
  const found =
    carried.size > 0
      ? `The files carry: ${[...carried].join(', ')}`
      : 'Check the --file paths (every .json/.xml below a folder is read)';
  for (const name of names) {
    if (carried.has(name)) continue;
    if (KNOWN.includes(name)) {
      throw new UsageError(`no --file payload carries event "${name}"`, found);
    }
    const near = closestEventNames(name, KNOWN);
    throw new UsageError(`unknown event "${name}". Did you mean ${near.join(', ')}? ${found}`, undefined, {
      code: 'usage.unknown-event',
    });
  }
  return requests.filter((r) => names.includes(r.event));
}
