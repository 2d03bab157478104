import XMLBuilder from 'fast-xml-builder';
import { describeSchema, xmlNameOf, type JsonSchema } from './describe-schema.js';
import { plainDecimal } from './plain-decimal.js';
import { singularize } from './singularize.js';
import { escapeText } from './xml-text.js';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** An element's content for the builder: text, child elements, or null for an empty element (`<x/>`). */
type Content = string | number | boolean | bigint | null | Elements;
/** Child elements by name, in document order; a list is the same element repeated. */
interface Elements {
  [name: string]: Content | Content[];
}

/**
 * fast-xml-parser's builder (published on its own as fast-xml-builder) writes the elements; the
 * text of each is decided here: the five
 * predefined entities, `&#13;` and U+FFFD as escapeText writes them (its own entity list knows
 * neither), and numbers in plain decimal notation, never exponent form. No attributes, and no
 * nesting limit beyond the body's own.
 */
const builder = new XMLBuilder({
  format: true,
  indentBy: '  ',
  processEntities: false,
  suppressEmptyNode: false,
  maxNestedTags: Number.POSITIVE_INFINITY,
  tagValueProcessor: (_name, value) => scalarText(value),
});

/**
 * Renders a webhook body as tXML (docs/webhook-payloads.md §5.2): root element named by the schema's xml.name, one
 * child element per member, arrays unwrapped into repeated item elements, null and absent members
 * omitted. Members the schema does not know are rendered too, by the same rules.
 */
export function toTxml(body: unknown, schema: JsonSchema | undefined): string {
  const root = Array.isArray(body) ? { item: body } : (body ?? {});
  const document = elements();
  addElement(document, xmlNameOf(schema) ?? 'WebhookBody', root, schema);
  return `${DECLARATION}\n${builder.build(document)}`;
}

/** Prototype-free, so that members named `__proto__` or `constructor` are plain elements. */
function elements(): Elements {
  return Object.create(null) as Elements;
}

function addElement(parent: Elements, name: string, value: unknown, schema: JsonSchema | undefined) {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    const items = schema ? describeSchema(schema).items : undefined;
    for (const item of value) addElement(parent, name, item, items);
    return;
  }
  const content = contentOf(value, schema);
  if (content === undefined) return;
  const tag = elementName(name);
  if (!Object.hasOwn(parent, tag)) {
    parent[tag] = content;
    return;
  }
  // The same element again: a repeated item, or two members whose names become the same element.
  const present = parent[tag]!;
  if (Array.isArray(present)) present.push(content);
  else parent[tag] = [present, content];
}

function contentOf(value: unknown, schema: JsonSchema | undefined): Content | undefined {
  if (typeof value !== 'object') return isScalar(value) ? value : undefined;
  const children = elements();
  const facts = schema ? describeSchema(schema) : undefined;
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    const property = facts?.properties.get(key) ?? facts?.additional;
    if (!Array.isArray(member)) {
      addElement(children, key, member, property);
      continue;
    }
    const items = property ? describeSchema(property).items : undefined;
    const itemName = xmlNameOf(items) ?? singularize(key);
    for (const item of member) addElement(children, itemName, item, items);
  }
  // The builder writes null as `<x/>`, and an empty string as `<x></x>`.
  return Object.keys(children).length === 0 ? null : children;
}

function isScalar(value: unknown): value is string | number | boolean | bigint {
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' || type === 'bigint';
}

function scalarText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return escapeText(value);
    case 'number':
      return plainDecimal(value);
    default:
      return String(value);
  }
}

/** JSON keys that are not XML names (spaces, leading digits, ...) are made into names, never into broken XML. */
function elementName(key: string): string {
  if (/^[A-Za-z_][\w.-]*$/.test(key)) return key;
  const name = key.replace(/[^\w.\-\u00B7\u00C0-\uFFFF]/g, '_');
  return /^[A-Za-z_\u00C0-\uFFFF]/.test(name) ? name : `_${name}`;
}
