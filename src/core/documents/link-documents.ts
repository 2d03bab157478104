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
 * Prepares a generated body for a run with the document API mock: an order-documents event gains one
 * document with only a `url`, on the mock but outside the API paths, which the integration should
 * fetch directly. Returns the body and every document it carries, for the mock to serve.
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
  const event = body.orderDocumentsEvent;
  if (!isObject(event)) return { body, documents };
  const header = [event.buyerOrder, event.supplierOrder].find(
    (side): side is JsonObject => isObject(side) && Array.isArray(side.documents),
  );
  if (!header) return { body, documents };
  const orderId = typeof event.orderId === 'string' ? event.orderId : 'order';
  const filename = 'Delivery conditions.pdf';
  const path = `${URL_DOCUMENTS_PREFIX}${encodeURIComponent(orderId)}/${encodeURIComponent(filename)}`;
  const url = `${origin}${path}`;
  const urlDocument = {
    code: `DC-${orderId.slice(0, 8)}`,
    revision: '1',
    name: filename,
    description: "Delivery conditions, on the attaching party's own server",
    type: 'General',
    url,
  };
  const linked: JsonObject = {
    ...body,
    orderDocumentsEvent: {
      ...event,
      [header === event.buyerOrder ? 'buyerOrder' : 'supplierOrder']: {
        ...header,
        documents: [...(header.documents as unknown[]), urlDocument],
      },
    },
  };
  documents.push({ key: path, storage: 'url', filename, url, ...where });
  return { body: linked, documents };
}
