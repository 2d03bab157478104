import { describeSchema, xmlNameOf, type JsonSchema } from './describe-schema.js';
import { plainDecimal } from './plain-decimal.js';
import { singularize } from './singularize.js';
import { escapeText } from './xml-text.js';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const INDENT = '  ';

/**
 * Renders a webhook body as tXML (docs/webhook-payloads.md §5.2): root element named by the schema's xml.name, one
 * child element per member, arrays unwrapped into repeated item elements, null and absent members
 * omitted. Members the schema does not know are rendered too, by the same rules.
 */
export function toTxml(body: unknown, schema: JsonSchema | undefined): string {
  const out = [DECLARATION];
  const root = Array.isArray(body) ? { item: body } : (body ?? {});
  writeElement(out, xmlNameOf(schema) ?? 'WebhookBody', root, schema, '');
  return `${out.join('\n')}\n`;
}

function writeElement(
  out: string[],
  name: string,
  value: unknown,
  schema: JsonSchema | undefined,
  indent: string,
) {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    const items = schema ? describeSchema(schema).items : undefined;
    for (const item of value) writeElement(out, name, item, items, indent);
    return;
  }
  const tag = elementName(name);
  if (typeof value === 'object') {
    const start = out.length;
    out.push(`${indent}<${tag}>`);
    writeMembers(out, value as Record<string, unknown>, schema, indent + INDENT);
    if (out.length === start + 1) out[start] = `${indent}<${tag}/>`;
    else out.push(`${indent}</${tag}>`);
    return;
  }
  const text = scalarText(value);
  if (text !== undefined) out.push(`${indent}<${tag}>${text}</${tag}>`);
}

function writeMembers(
  out: string[],
  value: Record<string, unknown>,
  schema: JsonSchema | undefined,
  indent: string,
) {
  const facts = schema ? describeSchema(schema) : undefined;
  for (const [key, member] of Object.entries(value)) {
    const property = facts?.properties.get(key) ?? facts?.additional;
    if (!Array.isArray(member)) {
      writeElement(out, key, member, property, indent);
      continue;
    }
    const items = property ? describeSchema(property).items : undefined;
    const itemName = xmlNameOf(items) ?? singularize(key);
    for (const item of member) writeElement(out, itemName, item, items, indent);
  }
}

function scalarText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return escapeText(value);
    case 'number':
      return plainDecimal(value);
    case 'boolean':
    case 'bigint':
      return String(value);
    default:
      return undefined;
  }
}

/** JSON keys that are not XML names (spaces, leading digits, ...) are made into names, never into broken XML. */
function elementName(key: string): string {
  if (/^[A-Za-z_][\w.-]*$/.test(key)) return key;
  const name = key.replace(/[^\w.\-\u00B7\u00C0-\uFFFF]/g, '_');
  return /^[A-Za-z_\u00C0-\uFFFF]/.test(name) ? name : `_${name}`;
}
