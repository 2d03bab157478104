import { scalarText } from '../schema/describe-value.js';
import { describeSchema, type JsonSchema, type SchemaFacts } from './describe-schema.js';
import { CDATA, TEXT, tagOf, type XmlNode } from './read-xml.js';
import { decodeText } from './xml-text.js';

/** Element steps (e.g. "line[2]") of every array built, for mapping JSON pointers back to elements. */
export type ArraySteps = WeakMap<unknown[], string[]>;

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const NO_FACTS: Pick<SchemaFacts, 'types' | 'hasFormat'> = { types: new Set(), hasFormat: false };

/**
 * Converts the children of one element to the JSON shape, driven by the schema (docs/webhook-payloads.md §5.5):
 * array properties collect their repeated item elements, leaf text becomes the number or boolean the
 * schema asks for, and unknown elements are carried through.
 */
export function convertElement(nodes: readonly XmlNode[], schema: JsonSchema | undefined, steps: ArraySteps) {
  let text = '';
  let elements: XmlNode[] | undefined;
  for (const node of nodes) {
    const name = tagOf(node);
    if (name === TEXT) text += decodeText(String(node[TEXT]));
    else if (name === CDATA) text += cdataText(node[CDATA]);
    else (elements ??= []).push(node);
  }
  if (!elements) return convertText(text, schema);
  const value = convertMembers(elements, schema, steps);
  // Mixed content has no JSON twin; keep the text rather than lose it silently.
  if (text.trim() !== '') value[TEXT] = text;
  return value;
}

function cdataText(content: unknown): string {
  if (!Array.isArray(content)) return '';
  return content.map((part: XmlNode) => scalarText(part[TEXT])).join('');
}

function convertText(text: string, schema: JsonSchema | undefined): unknown {
  const { types, hasFormat } = schema ? describeSchema(schema) : NO_FACTS;
  const trimmed = text.trim();
  if (types.size === 0) return trimmed === '' ? '' : text;
  if ((types.has('number') || types.has('integer')) && NUMBER.test(trimmed)) {
    const number = Number(trimmed);
    if (Number.isFinite(number)) return number;
  }
  if (types.has('boolean') && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  if (trimmed !== '') return text;
  // An empty element (docs/schema-policy.md, "Nulls in tXML"): the empty string for a plain string
  // field, an empty object or list for those, and null for a number, boolean, date or other
  // formatted string, which have no empty form (null is then valid exactly where the field is optional).
  if (types.has('string') && !hasFormat) return text;
  if (types.has('object')) return {};
  if (types.has('array')) return [];
  return null;
}

function convertMembers(elements: readonly XmlNode[], schema: JsonSchema | undefined, steps: ArraySteps) {
  const facts = schema ? describeSchema(schema) : undefined;
  const value: Record<string, unknown> = {};
  // Created on first need: most elements are single members and need no bookkeeping.
  let ordinals: Map<string, number> | undefined;
  let repeated: Map<string, unknown[]> | undefined;

  for (const element of elements) {
    const name = tagOf(element);
    const children = element[name] as XmlNode[];
    const property = facts?.properties.get(name);
    const arrayKey = property
      ? facts!.arrayProperties.has(name)
        ? name
        : undefined
      : facts?.arrayByItemName.get(name);

    if (arrayKey === undefined) {
      const item = convertElement(children, property ?? facts?.additional, steps);
      const occurrences = repeated?.get(name);
      if (occurrences) {
        occurrences.push(item);
        steps.get(occurrences)!.push(`${name}[${occurrences.length}]`);
      } else if (!Object.hasOwn(value, name)) {
        value[name] = item;
      } else {
        // A repeated element that is not an array in the schema: keep every occurrence.
        const list = [value[name], item];
        steps.set(list, [`${name}[1]`, `${name}[2]`]);
        (repeated ??= new Map()).set(name, list);
        value[name] = list;
      }
      continue;
    }

    ordinals ??= new Map();
    const ordinal = (ordinals.get(name) ?? 0) + 1;
    ordinals.set(name, ordinal);
    const step = `${name}[${ordinal}]`;
    const itemSchema = describeSchema(facts!.properties.get(arrayKey)!).items;
    let list = Object.hasOwn(value, arrayKey) ? (value[arrayKey] as unknown[]) : undefined;
    if (!list) {
      list = [];
      steps.set(list, []);
      value[arrayKey] = list;
    }
    const listSteps = steps.get(list)!;
    const wrapped =
      name === arrayKey ? wrappedItems(children, itemSchema, facts!.itemNames.get(arrayKey)) : null;
    if (!wrapped) {
      list.push(convertElement(children, itemSchema, steps));
      listSteps.push(step);
      continue;
    }
    const innerOrdinals = new Map<string, number>();
    for (const inner of wrapped) {
      const innerName = tagOf(inner);
      const innerOrdinal = (innerOrdinals.get(innerName) ?? 0) + 1;
      innerOrdinals.set(innerName, innerOrdinal);
      list.push(convertElement(inner[innerName] as XmlNode[], itemSchema, steps));
      listSteps.push(`${step}/${innerName}[${innerOrdinal}]`);
    }
  }
  return value;
}

/**
 * An element named like the array itself (e.g. <deliveryScheduleIncludingRequests>) is a wrapper when
 * all its child elements are item elements of that array (or it is empty and the items are objects);
 * otherwise it is read as one item.
 */
function wrappedItems(
  children: readonly XmlNode[],
  itemSchema: JsonSchema | undefined,
  accepted: ReadonlySet<string> | undefined,
): XmlNode[] | null {
  const inner = children.filter((node) => {
    const name = tagOf(node);
    return name !== TEXT && name !== CDATA;
  });
  if (inner.length === 0) {
    const itemTypes = itemSchema ? describeSchema(itemSchema).types : NO_FACTS.types;
    const blank = children.every((node) => tagOf(node) === TEXT && String(node[TEXT]).trim() === '');
    return blank && itemTypes.has('object') && !itemTypes.has('string') ? [] : null;
  }
  return inner.every((node) => accepted?.has(tagOf(node))) ? inner : null;
}
