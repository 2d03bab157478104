/**
 * `https//host`, `https:/host`, `https:host`, `http:\\host`: a scheme typed with a slash or colon
 * missing (or backslashes). Returns the URL the user most likely meant (`https://host`), or
 * undefined. `https:8443` is left alone: it reads as a host named "https" and a port.
 */
export function misspelledScheme(text: string): string | undefined {
  const match = /^(https?)(:?[\\/]+|:)(?=[^\\/])(.*)$/i.exec(text.trim());
  if (!match) return undefined;
  const [, scheme, separator, rest] = match as unknown as [string, string, string, string];
  if (separator === '://') return undefined;
  if (separator === ':' && /^\d+(?:\/|$)/.test(rest)) return undefined;
  return `${scheme.toLowerCase()}://${rest}`;
}
