import type { WebhookType } from '../model/event-catalog.js';

/**
 * One-line cautions about a sample that belong beside it, never inside it (the body must stay a
 * valid payload). Shown on stderr by the commands that print or send samples.
 */
export function describeSampleCaveats(type: WebhookType, format: 'json' | 'txml'): string[] {
  const notes: string[] = [];
  if (type === 'order-documents') {
    notes.push(
      'the orderDocumentsEvent structure is reconstructed (Tradecloud does not document it); treat this sample as speculative',
    );
  }
  if (type === 'shipment' && format === 'txml') {
    notes.push(
      'Tradecloud documents the shipment webhook as JSON only; this tXML rendering applies the order webhook rules',
    );
  }
  return notes;
}
