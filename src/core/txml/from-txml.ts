import { convertElement, type ArraySteps } from './convert-node.js';
import type { JsonSchema } from './describe-schema.js';
import { toElementPath } from './element-path.js';
import { readXml, type XmlRoot } from './read-xml.js';

// Readers import this module alone: the tXML writer (and its library) stays unloaded.
export { TxmlError } from './txml-error.js';

export interface FromTxmlResult {
  /** The JSON shape of the body. */
  value: unknown;
  /** Name of the root element, e.g. WebhookBody. */
  rootName: string;
  /** JSON pointer into `value` -> element path, e.g. /WebhookBody/orderEvent/line[1]/buyerLine/position. */
  elementPath: (pointer: string) => string;
}

/** A parsed tXML document, to convert once its schema is known. */
export type TxmlDocument = XmlRoot;

/** Parses a tXML body; throws TxmlError for an empty, malformed or unsafe document. */
export function readTxml(xml: string): TxmlDocument {
  return readXml(xml);
}

/** Reads a parsed tXML body into the JSON shape the schema describes (docs/webhook-payloads.md §5.5). */
export function convertTxml(root: TxmlDocument, schema: JsonSchema | undefined): FromTxmlResult {
  const steps: ArraySteps = new WeakMap();
  const value = convertElement(root.children, schema, steps);
  return {
    value,
    rootName: root.name,
    elementPath: (pointer) => toElementPath(pointer, root.name, value, steps),
  };
}

/**
 * The top level of the body without converting the rest: the child elements' names as members
 * (enough to tell which webhook it is), or the converted value when the root holds only text.
 */
export function txmlTopLevel(root: TxmlDocument): unknown {
  if (typeof root.children === 'string') return convertElement(root.children, undefined, new WeakMap());
  const members: Record<string, true> = {};
  let any = false;
  for (const node of root.children) {
    if (typeof node === 'string') continue;
    members[node.name] = true;
    any = true;
  }
  return any ? members : convertElement(root.children, undefined, new WeakMap());
}

/** Reads a tXML body into the JSON shape the schema describes; throws TxmlError as readTxml does. */
export function fromTxml(xml: string, schema: JsonSchema | undefined): FromTxmlResult {
  return convertTxml(readTxml(xml), schema);
}
