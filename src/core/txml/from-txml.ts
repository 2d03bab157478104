import { convertElement, type ArraySteps } from './convert-node.js';
import type { JsonSchema } from './describe-schema.js';
import { toElementPath } from './element-path.js';
import { readXml } from './read-xml.js';

export interface FromTxmlResult {
  /** The JSON shape of the body. */
  value: unknown;
  /** Name of the root element, e.g. WebhookBody. */
  rootName: string;
  /** JSON pointer into `value` -> element path, e.g. /WebhookBody/orderEvent/line[1]/buyerLine/position. */
  elementPath: (pointer: string) => string;
}

/**
 * Reads a tXML body into the JSON shape the schema describes (docs/webhook-payloads.md §5.5). Throws TxmlError for an
 * empty, malformed or unsafe document.
 */
export function fromTxml(xml: string, schema: JsonSchema | undefined): FromTxmlResult {
  const root = readXml(xml);
  const steps: ArraySteps = new WeakMap();
  const value = convertElement(root.children, schema, steps);
  return {
    value,
    rootName: root.name,
    elementPath: (pointer) => toElementPath(pointer, root.name, value, steps),
  };
}
