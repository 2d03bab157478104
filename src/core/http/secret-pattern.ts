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

/**
 * The base64 and base64url forms of a secret wherever it starts in the encoded data: for each of the
 * three alignments (0, 1 or 2 bytes before it in its 3-byte group), `core` is the part of the
 * encoding made of the secret's bits alone (the same whatever surrounds it), and `tail` the rest of
 * the encoding when the secret ends the data (then followed by `=` padding).
 */
export function base64Forms(secret: string): Array<{ core: string; tail: string }> {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = new Map<string, { core: string; tail: string }>();
  for (let before = 0; before < 3; before++) {
    const encoded = Buffer.concat([Buffer.alloc(before), bytes])
      .toString('base64')
      .replace(/=+$/, '');
    const start = Math.ceil((8 * before) / 6);
    const end = Math.floor((8 * (before + bytes.length)) / 6);
    if (end <= start) continue;
    for (const text of [encoded, encoded.replace(/\+/g, '-').replace(/\//g, '_')]) {
      const form = { core: text.slice(start, end), tail: text.slice(end) };
      forms.set(`${form.core}|${form.tail}`, form);
    }
  }
  return [...forms.values()];
}

/**
 * A regex source matching `text` in any mix of its encoded forms.
 * `standalone`: only where no letter or digit touches it (for very short secrets).
 */
export function encodedFormsPattern(text: string, options: { standalone: boolean }): string {
  if (text === '') return '';
  const body = [...text].map((char) => `(?:${characterForms(char).join('|')})`).join('');
  return options.standalone ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])` : body;
}

export function longestEncoding(text: string): number {
  return [...text].reduce((sum, char) => sum + longestForm(char), 0) + 12;
}
