/**
 * String formats of the webhook payloads beyond ajv-formats: Tradecloud sends local (zone-less)
 * date-times and times (docs/webhook-payloads.md §4.12). `time` here is Tradecloud's HH:mm:ss,
 * not JSON Schema's RFC 3339 full-time with a zone.
 */
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d+)?$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt]([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d+)?$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isCalendarDate(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const max = month === 2 && leap ? 29 : (DAYS[month - 1] ?? 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= max;
}

export function isLocalTime(value: string): boolean {
  return LOCAL_TIME.test(value);
}

/**
 * `uri`: an absolute URI, as the WHATWG URL parser reads it (a scheme and whatever that scheme
 * needs), with no whitespace. ajv-formats' RFC 3986 expression for the same format is one of the
 * largest regular expressions there is: V8 compiles it at its first use, 10 ms of every run whose
 * payload has a URL in it, for no difference a Tradecloud URL (portalUrl) can show.
 */
export function isAbsoluteUri(value: string): boolean {
  return !/\s/.test(value) && URL.canParse(value);
}

export function isLocalDateTime(value: string): boolean {
  const m = LOCAL_DATE_TIME.exec(value);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** How each format reads in an error message: `must be <description>, found …`. */
export const FORMAT_DESCRIPTIONS: Record<string, string> = {
  date: 'a date (yyyy-MM-dd)',
  'date-time': 'a date-time with a time zone (RFC 3339, e.g. 2026-08-01T09:15:30.123Z)',
  'local-date-time': 'a local date-time without a time zone (yyyy-MM-ddTHH:mm:ss)',
  time: 'a local time (HH:mm:ss)',
  uuid: 'a UUID (8-4-4-4-12 hexadecimal digits)',
  email: 'an email address',
  uri: 'an absolute URI (e.g. https://example.com/file.pdf)',
};
