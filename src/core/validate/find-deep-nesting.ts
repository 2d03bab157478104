/**
 * Whether a parsed JSON value nests deeper than `limit` arrays/objects. JSON.parse copes with any
 * depth, but recursive code after it (position lookup, recursive schemas) would overflow the
 * stack, and no webhook body is nested more than a few dozen levels. Walking the parsed value is
 * several times faster than scanning the text; the walk itself recurses at most `limit` levels.
 */
export function nestsDeeperThan(root: unknown, limit: number): boolean {
  return typeof root === 'object' && root !== null && deeper(root, 1, limit);
}

/**
 * Whether the JSON text opens at most `limit` arrays and objects in all, so it cannot nest deeper
 * than that: a count of `{` and `[` (those inside strings too, which only makes it cautious) with
 * the native search, a fraction of the walk's cost. Typical bodies open a few hundred.
 */
export function opensAtMost(text: string, limit: number): boolean {
  let opened = 0;
  for (const bracket of ['{', '[']) {
    for (let i = text.indexOf(bracket); i !== -1; i = text.indexOf(bracket, i + 1)) {
      if (++opened > limit) return false;
    }
  }
  return true;
}

function deeper(node: object, depth: number, limit: number): boolean {
  if (depth > limit) return true;
  if (Array.isArray(node)) {
    for (const child of node as unknown[])
      if (typeof child === 'object' && child !== null && deeper(child, depth + 1, limit)) return true;
    return false;
  }
  for (const key in node) {
    const child = (node as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null && deeper(child, depth + 1, limit)) return true;
  }
  return false;
}

/** Offset where JSON text nests deeper than `limit` arrays/objects, or -1: where to point the reader. */
export function findDeepJsonNesting(text: string, limit: number): number {
  let depth = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = endOfString(text, i);
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return i;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return -1;
}

/** Index of the closing quote of the string starting at `open` (or the end of the text). */
function endOfString(text: string, open: number): number {
  let i = open;
  for (;;) {
    i = text.indexOf('"', i + 1);
    if (i === -1) return text.length;
    let backslashes = 0;
    for (let j = i - 1; text.charCodeAt(j) === 0x5c; j--) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
}

/** The same guard for XML: elements opened minus elements closed, ignoring markup that is not an element. */
export function findDeepXmlNesting(text: string, limit: number): number {
  let depth = 0;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next === 0x2f)
      depth--; // </
    else if (next === 0x21 || next === 0x3f)
      continue; // <! comments, CDATA, DOCTYPE; <? declarations
    else {
      const close = text.indexOf('>', i);
      if (close === -1) return -1;
      if (text.charCodeAt(close - 1) !== 0x2f && ++depth > limit) return i; // not self-closing
    }
  }
  return -1;
}
