import type { PayloadFormat } from '../validate/detect-format.js';

/**
 * `<seq>-<eventName>.<json|xml>`, e.g. `000042-OrderIssuedByBuyer.json`. The event name comes from
 * the sender, so it is reduced to letters, digits, `-` and `_` and can never steer the path.
 */
export function saveFileName(
  seq: number,
  eventName: string | undefined,
  format: PayloadFormat,
  attempt = 0,
): string {
  const safe = (eventName ?? '').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 100) || 'unknown';
  const suffix = attempt === 0 ? '' : `-${attempt}`;
  return `${String(seq).padStart(6, '0')}-${safe}${suffix}.${format === 'txml' ? 'xml' : 'json'}`;
}
