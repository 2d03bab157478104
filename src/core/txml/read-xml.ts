import { SaxesParser } from 'saxes';
import { describeMalformedXml } from './describe-malformed-xml.js';
import { lineColumnAt } from '../text/line-column.js';
import { TxmlError } from './txml-error.js';

/**
 * An element of the tree: its children are elements and text (decoded, CDATA included), or just
 * its text when it has no child elements (most tXML elements: one string instead of an array).
 */
export interface XmlElement {
  name: string;
  children: XmlNode[] | string;
}
export type XmlNode = XmlElement | string;
export type XmlRoot = XmlElement;

/** Deep enough for any tXML body (about a dozen levels); bounds the converter's recursion too. */
const MAX_DEPTH = 200;

const UNSAFE = /<!(?:DOCTYPE|ENTITY)/i;
/** Names that would reach the object prototype when used as property names. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** Thrown from the parser's handlers: the document is well-formed so far but cannot be used. */
class Unreadable extends Error {}

/**
 * Checks and parses a tXML document in one pass of saxes, a strict XML 1.0 parser (one root
 * element, nothing but comments and PIs after it, only the predefined entities). Refuses DOCTYPE
 * and ENTITY declarations before any parser sees them (entity expansion, external entities:
 * Tradecloud never sends one), then reports malformed XML with line and column. Positions are
 * worked out only for a document that fails: tracking them costs a third of the parse.
 */
export function readXml(input: string): XmlRoot {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') throw new TxmlError('the XML document is empty');
  const unsafe = UNSAFE.exec(text);
  if (unsafe) {
    const at = lineColumnAt(text.replace(/\r\n?/g, '\n'), unsafe.index);
    throw new TxmlError(
      `XML with a DOCTYPE or entity declaration is refused as unsafe (entity expansion / external entities); Tradecloud never sends one (line ${at.line}, column ${at.column})`,
      { ...at, unsafe: true },
    );
  }
  try {
    return parseTree(text);
  } catch (error) {
    if (error instanceof Unreadable) throw new TxmlError(`the XML could not be read: ${error.message}`);
    throw describeMalformedXml(text, error instanceof Error ? error.message : String(error));
  }
}

const BLANK = /^\s*$/;

/**
 * Builds the tree with as few live objects as possible (they are most of the work on a large
 * body): a text-only element keeps a string, and whitespace between child elements is dropped.
 */
function parseTree(text: string): XmlRoot {
  const parser = new SaxesParser({ position: false });
  const document: XmlElement = { name: '', children: [] };
  const open: { element: XmlElement; nodes: XmlNode[]; hasElements: boolean }[] = [];
  let current = { element: document, nodes: [] as XmlNode[], hasElements: false };
  parser.on('opentag', (tag) => {
    if (RESERVED.has(tag.name)) throw new Unreadable(`the element name <${tag.name}> is refused`);
    if (open.length >= MAX_DEPTH) throw new Unreadable(`elements nested deeper than ${MAX_DEPTH} levels`);
    if (!current.hasElements) {
      current.hasElements = true;
      if (current.nodes.every((node) => typeof node === 'string' && BLANK.test(node)))
        current.nodes.length = 0;
    }
    const element: XmlElement = { name: tag.name, children: '' };
    current.nodes.push(element);
    open.push(current);
    current = { element, nodes: [], hasElements: false };
  });
  parser.on('closetag', () => {
    const { element, nodes, hasElements } = current;
    element.children = hasElements
      ? nodes
      : nodes.length === 1
        ? (nodes[0] as string)
        : (nodes as string[]).join('');
    current = open.pop()!;
  });
  // Text arrives decoded; CDATA is text too (its "&" are literal).
  const addText = (value: string) => {
    if (open.length > 0 && !(current.hasElements && BLANK.test(value))) current.nodes.push(value);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(text).close();
  const root = current.nodes[0];
  if (typeof root !== 'object') throw new Error('no root element');
  return root;
}
