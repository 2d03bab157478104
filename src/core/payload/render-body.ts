import { bodyKindOf, type WebhookType } from './events.js';

export interface RenderedBody {
  contentType: 'application/json' | 'application/xml';
  text: string;
}

/** Loading the bundled schema reads local files only; this bounds it like any other load. */
const SCHEMA_TIMEOUT_MS = 10_000;

/**
 * A body as it goes on the wire: pretty-printed JSON, or tXML written by the schema-driven
 * converter from the bundled schema's XML names (docs/webhook-payloads.md §5). The converter and the schema
 * are loaded only for tXML.
 */
export async function renderBody(
  body: unknown,
  type: WebhookType,
  format: 'json' | 'txml',
): Promise<RenderedBody> {
  if (format === 'json') return { contentType: 'application/json', text: JSON.stringify(body, null, 2) };
  const [{ toTxml }, { loadBodySchema }] = await Promise.all([
    import('../txml/to-txml.js'),
    import('../schema/load-body-schema.js'),
  ]);
  // The bundled schema ships with the package; cwd matters only for a user's --spec path.
  const { schema } = await loadBodySchema({ kind: bodyKindOf(type), timeoutMs: SCHEMA_TIMEOUT_MS, cwd: '.' });
  return { contentType: 'application/xml', text: toTxml(body, schema) };
}
