/**
 * The ways a server may echo a secret back: what an echoing endpoint writes into its answer, and
 * what a test then checks never reaches the CLI's output.
 */

const jsonUnicode = (text: string, upper: boolean) =>
  JSON.stringify(text)
    .slice(1, -1)
    .replace(/[^\x20-\x7e]/g, (c) => {
      const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
      return `\\u${upper ? hex.toUpperCase() : hex}`;
    });

const htmlEntities = (text: string, style: 'named' | 'decimal' | 'hex') =>
  [...text]
    .map((c) => {
      const code = c.codePointAt(0)!;
      if (style === 'named' && c === '"') return '&quot;';
      if (style === 'named' && c === '&') return '&amp;';
      if (code < 0x80 && c !== '"' && c !== "'" && c !== '<' && c !== '>' && c !== '&') return c;
      return style === 'hex' ? `&#x${code.toString(16).toUpperCase()};` : `&#${code};`;
    })
    .join('');

/** Every encoded form of `secret` (and of `user:secret` when a user is given), keyed by a label. */
export function echoForms(secret: string, user?: string): Record<string, string> {
  const forms: Record<string, string> = {
    raw: secret,
    'percent (upper hex)': encodeURIComponent(secret),
    'percent (lower hex)': encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (p) => p.toLowerCase()),
    form: new URLSearchParams({ s: secret }).toString().slice(2),
    'json (lower \\u)': jsonUnicode(secret, false),
    'json (upper \\u)': jsonUnicode(secret, true),
    'json (escaped slashes)': JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'),
    'html (named)': htmlEntities(secret, 'named'),
    'html (decimal)': htmlEntities(secret, 'decimal'),
    'html (hex)': htmlEntities(secret, 'hex'),
    base64: Buffer.from(secret).toString('base64'),
    base64url: Buffer.from(secret).toString('base64url'),
  };
  if (user !== undefined) {
    forms['base64 user:pass'] = Buffer.from(`${user}:${secret}`).toString('base64');
    forms['base64url user:pass'] = Buffer.from(`${user}:${secret}`).toString('base64url');
  }
  return forms;
}

/** One answer body carrying every form, each on a labelled line. */
export function echoBody(secret: string, user?: string): string {
  return Object.entries(echoForms(secret, user))
    .map(([label, form]) => `${label}: ${form}`)
    .join('\n');
}

/** The forms found in `output` (should be none). */
export function leakedForms(output: string, secret: string, user?: string): string[] {
  return Object.entries(echoForms(secret, user))
    .filter(([, form]) => output.includes(form))
    .map(([label]) => label);
}
