/**
 * Text escaping for tXML. Only the five predefined XML entities and character references exist in
 * tXML: documents with DOCTYPE or entity declarations are refused before parsing, so no other entity
 * can ever be expanded (the parser decodes those).
 */

export function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A literal CR would be normalised to LF by every XML parser; the reference keeps it.
  '\r': '&#13;',
};
// XML 1.0 cannot carry these control characters at all, not even as references.
// eslint-disable-next-line no-control-regex
const ESCAPED = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Element text as Tradecloud writes it (e.g. Lloyd&apos;s Register, docs/webhook-payloads.md §5.2). */
export function escapeText(text: string): string {
  return text.replace(ESCAPED, (char) => ESCAPES[char] ?? '\uFFFD');
}
