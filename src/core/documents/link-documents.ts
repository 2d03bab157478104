import type { MockDocument } from './api-mock-types.js';
import { URL_DOCUMENTS_PREFIX } from './answer-api-request.js';

/** A document a delivered body carried, as the documents report follows it. */
export interface SentDocument extends MockDocument {
  /** The event whose body carried it. */
  event: string;
  /** 0-based index of that body in the request set. */
  request: number;
  /** The url-only document's full URL. */
  url?: string;
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every document with an `objectId` anywhere in a body (order, line and shipment documents alike):
 * the metadata Tradecloud sends, which the integration must turn into a download.
 */
export function findObjectDocuments(body: unknown): Array<{ objectId: string; name?: string }> {
  const found: Array<{ objectId: string; name?: string }> = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      if (typeof value.objectId === 'string') {
        found.push({
          objectId: value.objectId,
          ...(typeof value.name === 'string' ? { name: value.name } : {}),
        });
      }
      Object.values(value).forEach(visit);
    }
  };
  visit(body);
  return found;
}

/** The file name the metadata call answers with: the document's name, as a .pdf since the mock serves PDFs. */
export function pdfFilename(name: string | undefined, fallback: string): string {
  const base = (name ?? fallback).replace(/[/\\\r\n"]/g, '_').trim() || fallback;
  return /\.pdf$/i.test(base) ? base : `${base}.pdf`;
}

/**
 * Prepares a generated body for a run with the document API mock: every document with only a `url`
 * is moved onto the mock (outside the API paths), and an order-documents event that has none gains
 * one, which the integration should fetch directly. Returns the body and every document it
 * carries, for the mock to serve.
 */
export function linkDocuments(
  body: JsonObject,
  origin: string,
  where: { event: string; request: number },
): { body: JsonObject; documents: SentDocument[] } {
  const documents: SentDocument[] = findObjectDocuments(body).map((d) => ({
    key: d.objectId,
    storage: 'object',
    filename: pdfFilename(d.name, d.objectId),
    ...where,
  }));
  const moveUrl = (doc: JsonObject): JsonObject => {
    const code =
      typeof doc.code === 'string' && doc.code !== '' ? doc.code : `document-${documents.length + 1}`;
    const filename = pdfFilename(typeof doc.name === 'string' ? doc.name : undefined, code);
    const path = `${URL_DOCUMENTS_PREFIX}${encodeURIComponent(code)}/${encodeURIComponent(filename)}`;
    const url = `${origin}${path}`;
    documents.push({ key: path, storage: 'url', filename, url, ...where });
    return { ...doc, url };
  };
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (!isObject(value)) return value;
    const isUrlDocument =
      typeof value.url === 'string' && value.objectId === undefined && ('code' in value || 'name' in value);
    const mapped = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v)]));
    return isUrlDocument ? moveUrl(mapped) : mapped;
  };
  let linked = visit(body) as JsonObject;
  const event = linked.orderDocumentsEvent;
  if (!isObject(event) || documents.some((d) => d.storage === 'url')) return { body: linked, documents };
  const header = [event.buyerOrder, event.supplierOrder].find(
    (side): side is JsonObject => isObject(side) && Array.isArray(side.documents),
  );
  if (!header) return { body: linked, documents };
  const orderId = typeof event.orderId === 'string' ? event.orderId : 'order';
  const urlDocument = moveUrl({
    code: `DC-${orderId.slice(0, 8)}`,
    revision: '1',
    name: 'Delivery conditions.pdf',
    description: "Delivery conditions, on the attaching party's own server",
    type: 'General',
    url: '',
  });
  linked = {
    ...linked,
    orderDocumentsEvent: {
      ...event,
      [header === event.buyerOrder ? 'buyerOrder' : 'supplierOrder']: {
        ...header,
        documents: [...(header.documents as unknown[]), urlDocument],
      },
    },
  };
  return { body: linked, documents };
}
