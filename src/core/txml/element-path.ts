import { unescapePointerSegment } from '../text/json-pointer.js';
import type { ArraySteps } from './step-list.js';
import { singularize } from './singularize.js';

/**
 * Maps a JSON pointer into the converted value back to the element path of the tXML document, e.g.
 * /orderEvent/lines/0/buyerLine/position -> /WebhookBody/orderEvent/line[1]/buyerLine/position.
 * Array items use the element name and position actually read, so aliases and wrappers show as written.
 */
export function toElementPath(pointer: string, rootName: string, value: unknown, steps: ArraySteps): string {
  let path = `/${rootName}`;
  if (pointer === '' || pointer === '/') return path;
  const segments = (pointer.startsWith('/') ? pointer.slice(1) : pointer)
    .split('/')
    .map(unescapePointerSegment);
  let current: unknown = value;
  let arrayKey = 'item';
  segments.forEach((segment, i) => {
    if (Array.isArray(current)) {
      const index = Number(segment);
      const step = Number.isInteger(index) ? steps.get(current)?.at(index) : undefined;
      path += `/${step ?? `${itemNameOf(current, arrayKey, steps)}[${Number.isInteger(index) ? index + 1 : segment}]`}`;
      current = Number.isInteger(index) ? (current as unknown[])[index] : undefined;
      return;
    }
    const next =
      current !== null && typeof current === 'object'
        ? (current as Record<string, unknown>)[segment]
        : undefined;
    if (Array.isArray(next)) {
      // The array itself has no element (arrays are unwrapped): its items carry the path.
      arrayKey = segment;
      if (i === segments.length - 1) path += `/${itemNameOf(next, segment, steps)}`;
    } else {
      path += `/${segment}`;
    }
    current = next;
  });
  return path;
}

function itemNameOf(list: unknown[], key: string, steps: ArraySteps): string {
  const first = steps.get(list)?.at(0);
  return first === undefined ? singularize(key) : first.replace(/\[\d+\]$/, '');
}
