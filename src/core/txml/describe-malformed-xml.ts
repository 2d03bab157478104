import { SyntaxValidator } from 'fast-xml-validator';
import { SaxesParser } from 'saxes';
import { lineColumnAt } from '../text/line-column.js';
import { TxmlError } from './txml-error.js';
import { isXmlChar } from './xml-text.js';

// References are checked outside CDATA sections and comments, where "&" is literal.
const AMPERSANDS = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&/g;
const REFERENCE = /&(?:(?:amp|lt|gt|quot|apos);|#([0-9]+);|#x([0-9a-fA-F]+);)/y;
// Markup in document order: comments, CDATA sections, PIs and tags.
const MARKUP = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)(?:[^>"']|"[^"]*"|'[^']*')*>/g;
const EPILOG = /(?:\s+|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)*/y;
const SAXES_POSITION = /^(?:.*:)?(\d+):(\d+): ([\s\S]*?)\.?$/;

/**
 * Words and a position for a document the parser refused. Only a failing document comes here, so
 * the slower, friendlier checks run only then: references first (which entity), then
 * fast-xml-validator (which tag is not closed), then the parser again with positions.
 */
export function describeMalformedXml(input: string, reason: string): TxmlError {
  const text = input.replace(/\r\n?/g, '\n');
  const reference = checkReferences(text);
  if (reference) return reference;
  const verdict = validateSyntax(text);
  if (verdict) {
    const { line, col, msg } = verdict;
    const after = /Extra text|Multiple possible root/.test(msg) ? afterRoot(text) : undefined;
    if (after) return after;
    const where = col === undefined ? `line ${line}` : `line ${line}, column ${col}`;
    return new TxmlError(`malformed XML at ${where}: ${msg}`, { line, column: col });
  }
  const found = positionedError(text) ?? reason;
  const match = SAXES_POSITION.exec(found);
  const message = match?.[3] ?? found;
  if (/only one root|outside of root/.test(message)) {
    const after = afterRoot(text);
    if (after) return after;
  }
  if (!match) return new TxmlError(`malformed XML: ${message}`);
  const at = { line: Number(match[1]), column: Number(match[2]) };
  return new TxmlError(`malformed XML at line ${at.line}, column ${at.column}: ${message}`, at);
}

/** fast-xml-validator's finding (it throws its first), or undefined for a well-formed document. */
function validateSyntax(text: string): { line: number; col: number | undefined; msg: string } | undefined {
  try {
    SyntaxValidator.validate(text);
    return undefined;
  } catch (error) {
    const { line, col, message } = error as { line?: number; col?: number; message: string };
    return { line: line ?? 1, col, msg: message };
  }
}

function positionedError(text: string): string | undefined {
  const parser = new SaxesParser({ position: true });
  let first: string | undefined;
  parser.on('error', (error) => {
    first ??= error.message;
    throw error;
  });
  try {
    parser.write(text).close();
  } catch {
    // The first error is the one reported.
  }
  return first;
}

function checkReferences(text: string): TxmlError | undefined {
  for (const match of text.matchAll(AMPERSANDS)) {
    if (match[0] !== '&') continue;
    REFERENCE.lastIndex = match.index;
    const reference = REFERENCE.exec(text);
    const digits = reference?.[1] ?? reference?.[2];
    const codePoint = digits === undefined ? 0x20 : parseInt(digits, reference?.[1] ? 10 : 16);
    if (reference && isXmlChar(codePoint)) continue;
    const shown = /^&[^;\s<&]{0,40};?/.exec(text.slice(match.index))?.[0] ?? '&';
    const at = lineColumnAt(text, match.index);
    return new TxmlError(
      `malformed XML at line ${at.line}, column ${at.column}: ${shown} is not one of the five predefined XML entities or a valid character reference (write & as &amp;)`,
      at,
    );
  }
  return undefined;
}

/**
 * A document has exactly one root element (https://www.w3.org/TR/xml/#sec-well-formed); only
 * whitespace, comments and processing instructions may follow it. Names what follows instead.
 */
function afterRoot(text: string): TxmlError | undefined {
  let depth = 0;
  let root: string | undefined;
  for (const match of text.matchAll(MARKUP)) {
    const tag = match[0];
    if (tag[1] === '!' || tag[1] === '?') continue;
    root ??= /^<([^\s/>]+)/.exec(tag)?.[1];
    if (match[1] === '/') depth -= 1;
    else if (!tag.endsWith('/>')) depth += 1;
    if (depth !== 0) continue;
    EPILOG.lastIndex = match.index + tag.length;
    EPILOG.exec(text);
    const offset = EPILOG.lastIndex;
    if (offset >= text.length) return undefined;
    const second = /^<([^\s/>!?]+)/.exec(text.slice(offset, offset + 200))?.[1];
    const what = second ? `a second root element <${second}>` : 'content';
    const at = lineColumnAt(text, offset);
    return new TxmlError(
      `malformed XML at line ${at.line}, column ${at.column}: ${what} after the root element <${root ?? '?'}>`,
      at,
    );
  }
  return undefined;
}
