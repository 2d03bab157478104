/**
 * The forms a secret takes when a server echoes it back: raw, percent-encoded (either hex case),
 * form-encoded (`+` for a space), JSON-escaped (`\"`, `\/`, `\u00e4` in either case), XML/HTML
 * character references (`&quot;`, `&#228;`, `&#xE4;`), and base64 / base64url. Each character may
 * appear in any of its forms independently (encoders differ in what they escape), so the pattern
 * is built one character at a time.
 */

const REGEX_SYNTAX = /[.*+?^${}()|[\]\\/]/g;
const escapeRegExp = (text: string) => text.replace(REGEX_SYNTAX, '\\$&');

/** `e4` → `[eE]4`: hex digits in either case. */
const anyCaseHex = (hex: string) => hex.replace(/[a-f]/gi, (d) => `[${d.toLowerCase()}${d.toUpperCase()}]`);

/** `quot` → `[qQ][uU][oO][tT]` (Node 20 has no inline case-insensitive groups). */
const anyCaseLetters = (name: string) =>
  name.replace(/[a-z]/gi, (l) => `[${l.toLowerCase()}${l.toUpperCase()}]`);

const NAMED_ENTITIES: Record<string, string[]> = {
  '"': ['quot'],
  '&': ['amp'],
  '<': ['lt'],
  '>': ['gt'],
  "'": ['apos'],
};

const JSON_SHORT_ESCAPES = new Set(['"', '\\', '/']);

/** Every form of one character (a code point), as regex alternatives. */
function characterForms(char: string): string[] {
  const code = char.codePointAt(0)!;
  const forms = [escapeRegExp(char)];
  const bytes = [...Buffer.from(char, 'utf8')];
  forms.push(bytes.map((b) => `%${anyCaseHex(b.toString(16).padStart(2, '0'))}`).join(''));
  if (char === ' ') forms.push('\\+');
  if (JSON_SHORT_ESCAPES.has(char)) forms.push(`\\\\${escapeRegExp(char)}`);
  const units = Array.from({ length: char.length }, (_, i) => char.charCodeAt(i));
  forms.push(units.map((u) => `\\\\u${anyCaseHex(u.toString(16).padStart(4, '0'))}`).join(''));
  forms.push(`&#0*${code};`, `&#[xX]0*${anyCaseHex(code.toString(16))};`);
  for (const name of NAMED_ENTITIES[char] ?? []) forms.push(`&${anyCaseLetters(name)};`);
  return forms;
}

/** Longest text one character can be written as, so a caller cutting text can keep enough extra. */
function longestForm(char: string): number {
  const code = char.codePointAt(0)!;
  return Math.max(
    3 * Buffer.byteLength(char, 'utf8'),
    6 * char.length,
    `&#${code};`.length,
    `&#x${code.toString(16)};`.length,
    6,
  );
}

/** The literal texts to look for: the secret, and its base64 and base64url encodings. */
export function secretTexts(secret: string): string[] {
  const base64 = Buffer.from(secret, 'utf8').toString('base64');
  const base64url = Buffer.from(secret, 'utf8').toString('base64url');
  // Base64 of a very short secret is a common-looking token ("eQ"): only longer ones are masked.
  return [secret, ...new Set([base64, base64url].map((b) => b.replace(/=+$/, '')))].filter(
    (text, i) => i === 0 || text.length >= 4,
  );
}

/**
 * A regex source matching `text` in any mix of its encoded forms; base64 padding is optional.
 * `standalone`: only where no letter or digit touches it (for very short secrets).
 */
export function encodedFormsPattern(text: string, options: { standalone: boolean; padded: boolean }): string {
  const body = [...text].map((char) => `(?:${characterForms(char).join('|')})`).join('');
  const padding = options.padded ? `(?:=|%3[dD]|\\\\u003[dD]|&#0*61;|&#[xX]0*3[dD];)*` : '';
  return options.standalone ? `(?<![\\p{L}\\p{N}])${body}${padding}(?![\\p{L}\\p{N}])` : `${body}${padding}`;
}

export function longestEncoding(text: string): number {
  return [...text].reduce((sum, char) => sum + longestForm(char), 0) + 12;
}
