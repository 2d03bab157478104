export interface HstsPolicy {
  present: boolean;
  /** Seconds; null when the header is absent or its max-age is missing or not a number. */
  maxAge: number | null;
  includeSubDomains: boolean;
  preload: boolean;
}

/**
 * Reads a `Strict-Transport-Security` value (RFC 6797 §6.1): directives separated by `;`, names
 * case-insensitive, `max-age` possibly quoted. Only the first header counts when several are sent
 * (RFC 6797 §8.1). `undefined` means the header was not sent.
 */
export function parseHsts(value: string | undefined): HstsPolicy {
  if (value === undefined) return { present: false, maxAge: null, includeSubDomains: false, preload: false };
  let maxAge: number | null = null;
  let includeSubDomains = false;
  let preload = false;
  for (const directive of value.split(';')) {
    const [rawName = '', ...rest] = directive.split('=');
    const name = rawName.trim().toLowerCase();
    const argument = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (name === 'max-age' && /^\d+$/.test(argument)) maxAge = Number(argument);
    else if (name === 'includesubdomains') includeSubDomains = true;
    else if (name === 'preload') preload = true;
  }
  return { present: true, maxAge, includeSubDomains, preload };
}
