/** Date arithmetic and the Tradecloud date formats (docs/webhook-payloads.md §4.12), all in UTC. */
const DAY_MS = 86_400_000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

/** `yyyy-MM-dd`: delivery dates, etd, eta. */
export function toDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `yyyy-MM-ddTHH:mm:ss` without a zone: the ERP date-times. */
export function toLocalDateTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/**
 * A seeded sample must not depend on the clock, so its "now" is a moment in 2026 chosen by the
 * seed: a weekday morning, as most ERP traffic is.
 */
export function seededNow(int: (min: number, max: number) => number): Date {
  const day = new Date(Date.UTC(2026, 0, 5) + int(0, 51) * 7 * DAY_MS + int(0, 4) * DAY_MS);
  return new Date(day.getTime() + int(7 * 3600, 17 * 3600) * 1000 + int(0, 999));
}
