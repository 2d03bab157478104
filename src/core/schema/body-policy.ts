import { pointerOf } from '../text/json-pointer.js';
import { findBodyField, RETIRED_BODY_FIELDS } from '../model/body-fields.js';
import {
  ORDER_DOCUMENTS_EVENTS,
  ORDER_EVENTS,
  SHIPMENT_EVENTS,
  type WebhookType,
} from '../model/event-catalog.js';
import type { SchemaIssue } from './describe-ajv-error.js';
import { describeFound } from './describe-value.js';

/**
 * What a schema cannot say about a body Tradecloud sends (docs/schema-policy.md): retired event
 * names, an eventName of another integration, a retired body field, a document url that is not an
 * absolute URL. `errors` are always errors; `notices` are warnings, or errors under --strict.
 */
export interface PolicyFindings {
  errors: SchemaIssue[];
  notices: SchemaIssue[];
}

/** Names Tradecloud used and retired (docs/webhook-payloads.md §2.4), with what became of them. */
export const RETIRED_EVENTS: Readonly<Record<string, string>> = Object.freeze({
  OrderSynced: 'a legacy-platform synchronisation event, dropped from the documented list in November 2025',
  OrderReissuedByBuyer: 'the pre-2021 name of OrderLinesReissuedByBuyer',
  OrderLinesItemChangedBySupplier: 'an early name of OrderLinesItemDetailsChanged',
  OrderLinesCancelledBySupplier: 'an early event; suppliers now reject lines (OrderLinesRejectedBySupplier)',
  ShipmentDespatchedBySupplier:
    'the 2022-2023 shipment event, replaced by ShipmentIssuedBySupplier, ShipmentApprovedByBuyer and ShipmentRejectedByBuyer',
});

/** Names a receiver must still accept although the portal no longer offers them (§2.1). */
const TOLERATED_ORDER_EVENTS = [
  'OrderLinesItemDetailsChangedBySupplier',
  'OrderCustomLabelsUpdatedByBuyer',
  'OrderCustomLabelsUpdatedBySupplier',
  'OrderSynced',
  'OrderReissuedByBuyer',
  'OrderLinesItemChangedBySupplier',
  'OrderLinesCancelledBySupplier',
];

type Family = 'order' | 'order-documents' | 'shipment';

/** A single-delivery body carries the same order events as an order body. */
function familyOf(type: WebhookType): Family {
  return type === 'single-delivery' ? 'order' : type;
}

const FAMILY_EVENTS: Record<Family, ReadonlySet<string>> = {
  order: new Set([...ORDER_EVENTS, ...TOLERATED_ORDER_EVENTS]),
  'order-documents': new Set(ORDER_DOCUMENTS_EVENTS),
  shipment: new Set([...SHIPMENT_EVENTS, 'ShipmentDespatchedBySupplier']),
};

const FAMILY_WORDS: Record<Family, [one: string, all: string]> = {
  order: ['an order event', 'order events (Order…, OrderLines…)'],
  'order-documents': ['an order documents event', 'the OrderDocumentsAttachedBy… events'],
  shipment: ['a shipment event', 'Shipment… events'],
};

export function checkBodyPolicy(body: unknown): PolicyFindings {
  const findings: PolicyFindings = { errors: [], notices: [] };
  if (!isObject(body)) return findings;
  if (body.simpleOrderEvent !== undefined) {
    findings.errors.push(
      issue(
        '/simpleOrderEvent',
        'retired-body-field',
        'simpleOrderEvent was renamed singleDeliveryOrderEvent in April 2024; Tradecloud no longer sends it (docs/webhook-payloads.md §3.0)',
      ),
    );
  }
  const name = body.eventName;
  if (typeof name === 'string') {
    const retired = RETIRED_EVENTS[name];
    if (retired !== undefined) {
      findings.notices.push(
        issue('/eventName', 'retired-event-name', `"${name}" is a retired event name: ${retired}`),
      );
    }
    // The retired simpleOrderEvent has an error of its own above.
    const found = findBodyField(
      Object.keys(body).filter((key) => body[key] !== undefined && !(key in RETIRED_BODY_FIELDS)),
    );
    const family = found?.field;
    const expected = found && familyOf(found.type);
    const actual = (Object.keys(FAMILY_EVENTS) as Family[]).find((f) => FAMILY_EVENTS[f].has(name));
    if (family && expected && actual && actual !== expected) {
      findings.notices.push(
        issue(
          '/eventName',
          'event-name-body-mismatch',
          `"${name}" is ${FAMILY_WORDS[actual][0]}, but a body with ${family} carries only ${FAMILY_WORDS[expected][1]}: Tradecloud cannot send this combination (docs/webhook-payloads.md §2.4)`,
        ),
      );
    }
  }
  findRelativeDocumentUrls(body, [], findings.notices);
  return findings;
}

/**
 * Every `documents[].url` that is a string but not an absolute URL (docs/webhook-payloads.md §4.4).
 * Runs on every validated body, so it walks without allocating: the path is built only on a hit.
 */
function findRelativeDocumentUrls(node: unknown, path: string[], out: SchemaIssue[]): void {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const item: unknown = node[i];
      if (typeof item !== 'object' || item === null) continue;
      path.push(String(i));
      findRelativeDocumentUrls(item, path, out);
      path.pop();
    }
    return;
  }
  const record = node as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (typeof value !== 'object' || value === null) continue;
    path.push(key);
    if (key === 'documents' && Array.isArray(value)) checkDocuments(value, path, out);
    findRelativeDocumentUrls(value, path, out);
    path.pop();
  }
}

function checkDocuments(documents: unknown[], path: string[], out: SchemaIssue[]): void {
  documents.forEach((doc, index) => {
    if (!isObject(doc) || typeof doc.url !== 'string' || isAbsoluteUrl(doc.url)) return;
    const pointer = pointerOf([...path, index, 'url']);
    out.push(
      issue(
        pointer,
        'relative-document-url',
        `${describeFound(doc.url)} is not an absolute URL; a receiver cannot download the document from it`,
      ),
    );
  });
}

/** A scheme, then something (RFC 3986 absolute-URI); cheaper than URL parsing on every document. */
const ABSOLUTE_URL = /^[A-Za-z][A-Za-z\d+.-]*:[^\s]+$/;

function isAbsoluteUrl(text: string): boolean {
  return ABSOLUTE_URL.test(text.trim());
}

function issue(path: string, keyword: string, message: string): SchemaIssue {
  return { path, anchor: path, keyword, message };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
