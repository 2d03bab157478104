import { bodyKindOf, findBodyField } from '../model/body-fields.js';
import type { BodyKind } from '../schema/body-schema-types.js';
import { describeFound } from '../schema/describe-value.js';

const SHOWN_FIELDS = 8;

export type KindDetection = { kind: BodyKind } | { problem: string };

/** Which webhook a body belongs to, from its top-level fields (docs/cli-contract.md, validate). */
export function detectBodyKind(body: unknown): KindDetection {
  const expected =
    'expected "orderEvent", "singleDeliveryOrderEvent" or "orderDocumentsEvent" (order webhook) or "shipment" (shipment webhook)';
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { problem: `a webhook body is a JSON object, found ${describeFound(body)}; ${expected}` };
  }
  const fields = Object.keys(body);
  const found = findBodyField(fields);
  if (found) return { kind: bodyKindOf(found.type) };
  const listed = fields.slice(0, SHOWN_FIELDS).map((f) => `"${f}"`);
  const more = fields.length > SHOWN_FIELDS ? ` and ${fields.length - SHOWN_FIELDS} more` : '';
  const foundText = fields.length === 0 ? 'no fields' : `top-level fields ${listed.join(', ')}${more}`;
  return { problem: `neither an order nor a shipment webhook body: found ${foundText}; ${expected}` };
}
