import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { TxmlError, locate } from './txml-error.js';
import { isXmlChar } from './xml-text.js';

/** A node of fast-xml-parser's preserveOrder tree: { tag: children } or { '#text': text } or { '#cdata': [...] }. */
export type XmlNode = Record<string, unknown>;
export const TEXT = '#text';
export const CDATA = '#cdata';

export interface XmlRoot {
  name: string;
  children: XmlNode[];
}

/** Deep enough for any tXML body (about a dozen levels); bounds the converter's recursion too. */
const MAX_DEPTH = 200;

const UNSAFE = /<!(?:DOCTYPE|ENTITY)/i;
// References are checked outside CDATA sections and comments, where "&" is literal.
const AMPERSANDS = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&/g;
const REFERENCE = /&(?:(?:amp|lt|gt|quot|apos);|#([0-9]+);|#x([0-9a-fA-F]+);)/y;
const FIRST_TAG = /<(?![?!])(?:[^>"']|"[^"]*"|'[^']*')*>/;
const EPILOG = /^(?:\s+|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)*/;

export function tagOf(node: XmlNode): string {
  for (const key in node) return key;
  return '';
}

/**
 * Checks and parses a tXML document. Refuses DOCTYPE and ENTITY declarations before any parser sees
 * them (entity expansion, external entities: Tradecloud never sends one), then reports malformed XML
 * with line and column.
 */
export function readXml(input: string): XmlRoot {
  const text = (input.charCodeAt(0) === 0xfeff ? input.slice(1) : input).replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new TxmlError('the XML document is empty');
  const unsafe = UNSAFE.exec(text);
  if (unsafe) {
    const at = locate(text, unsafe.index);
    throw new TxmlError(
      `XML with a DOCTYPE or entity declaration is refused as unsafe (entity expansion / external entities); Tradecloud never sends one (line ${at.line}, column ${at.column})`,
      { ...at, unsafe: true },
    );
  }
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    const { line, col, msg } = verdict.err;
    const where = col === undefined ? `line ${line}` : `line ${line}, column ${col}`;
    throw new TxmlError(`malformed XML at ${where}: ${msg}`, { line, column: col });
  }
  checkEpilog(text);
  checkReferences(text);
  return parseTree(text);
}

/** The validator misses anything after a self-closing root (<WebhookBody/>trailing, <a/><b/>). */
function checkEpilog(text: string): void {
  const root = FIRST_TAG.exec(text);
  if (!root?.[0].endsWith('/>')) return;
  const end = root.index + root[0].length;
  const skipped = EPILOG.exec(text.slice(end))?.[0].length ?? 0;
  if (end + skipped === text.length) return;
  const at = locate(text, end + skipped);
  throw new TxmlError(
    `malformed XML at line ${at.line}, column ${at.column}: content after the root element`,
    at,
  );
}

function checkReferences(text: string): void {
  for (const match of text.matchAll(AMPERSANDS)) {
    if (match[0] !== '&') continue;
    REFERENCE.lastIndex = match.index;
    const reference = REFERENCE.exec(text);
    const digits = reference?.[1] ?? reference?.[2];
    const codePoint = digits === undefined ? 0x20 : parseInt(digits, reference?.[1] ? 10 : 16);
    if (reference && isXmlChar(codePoint)) continue;
    const shown = /^&[^;\s<&]{0,40};?/.exec(text.slice(match.index))?.[0] ?? '&';
    const at = locate(text, match.index);
    throw new TxmlError(
      `malformed XML at line ${at.line}, column ${at.column}: ${shown} is not one of the five predefined XML entities or a valid character reference (write & as &amp;)`,
      at,
    );
  }
}

function parseTree(text: string): XmlRoot {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    parseTagValue: false,
    trimValues: false,
    processEntities: false,
    htmlEntities: false,
    cdataPropName: CDATA,
    maxNestedTags: MAX_DEPTH,
    jPath: false,
    // Element names are only ever used as own property names of fresh objects.
    onDangerousProperty: (name: string) => name,
  });
  let tree: XmlNode[];
  try {
    tree = parser.parse(text) as XmlNode[];
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^\[SECURITY\]\s*/, '') : String(error);
    throw new TxmlError(`the XML could not be read: ${reason}`);
  }
  for (const node of tree) {
    const name = tagOf(node);
    if (name !== TEXT && name !== CDATA) return { name, children: node[name] as XmlNode[] };
  }
  throw new TxmlError('the XML document has no root element');
}
