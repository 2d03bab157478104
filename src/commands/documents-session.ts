import { UsageError } from '../errors.js';
import { assessDocuments } from '../core/documents/assess-documents.js';
import { startDocumentsApi, type DocumentsApi } from '../core/documents/documents-api.js';
import {
  findObjectDocuments,
  linkDocuments,
  pdfFilename,
  type SentDocument,
} from '../core/documents/link-documents.js';
import type { SecretMasker } from '../core/http/mask-secrets.js';
import type { PayloadRequest } from '../core/requests/payload-request.js';
import type { DocumentsResult } from '../core/documents/documents-result.js';
import type { CommandContext } from './context.js';
import type { DocumentsApiSettings } from './options.js';

/**
 * The document API mock for the length of one sending command: started before the bodies are made
 * (an order-documents body points its url-only document at it), fed every document the bodies carry,
 * then waited on and judged once the deliveries are done.
 */
export class DocumentsSession {
  private readonly sent: SentDocument[] = [];
  /** When the body carrying each document (by its index in `sent`) was delivered. */
  private readonly deliveredAt: number[] = [];

  private constructor(
    readonly api: DocumentsApi,
    private readonly settings: DocumentsApiSettings,
    private readonly ctx: CommandContext,
  ) {}

  static async start(
    settings: DocumentsApiSettings,
    ctx: CommandContext,
    masker: SecretMasker,
    timeoutMs: number,
  ): Promise<DocumentsSession> {
    masker.add(settings.password);
    const api = await startDocumentsApi(
      {
        port: settings.port,
        credentials: { username: settings.username, password: settings.password },
        linkTtlSeconds: settings.linkTtlSeconds,
        timeoutMs,
        onIssued: (...tokens) => masker.add(...tokens),
      },
      ctx.deps,
    );
    ctx.stderr.write(
      `document API mock at ${api.apiBase} (user ${settings.username}, links expire ${settings.linkTtlSeconds} s after the metadata call): point your integration's Tradecloud API base URL there\n`,
    );
    return new DocumentsSession(api, settings, ctx);
  }

  /** The `prepare` hook of generated bodies: links the url-only document, registers every document. */
  readonly prepare = (
    body: Record<string, unknown>,
    where: { event: string; request: number },
  ): Record<string, unknown> => {
    const linked = linkDocuments(body, this.api.origin, where);
    this.add(linked.documents);
    return linked.body;
  };

  /** Replayed JSON files are sent as they are: their objectIds become known to the mock. */
  registerReplayed(requests: readonly PayloadRequest[]): void {
    requests.forEach((request, index) => {
      if (request.format !== 'json') return;
      let body: unknown;
      try {
        body = JSON.parse(request.body.toString());
      } catch {
        return;
      }
      this.add(
        findObjectDocuments(body).map((d) => ({
          key: d.objectId,
          storage: 'object' as const,
          filename: pdfFilename(d.name, d.objectId),
          event: request.event,
          request: index,
        })),
      );
    });
  }

  /** The documents registered so far are delivered now (those marked before keep their moment). */
  markDelivered(atMs: number): void {
    for (let i = this.deliveredAt.length; i < this.sent.length; i++) this.deliveredAt.push(atMs);
  }

  /** How many documents are known so far: `finish(…, from)` judges only those registered later. */
  get documentCount(): number {
    return this.sent.length;
  }

  /**
   * Waits for the integration (until every document from the `from`-th on is fetched, `waitMs` has
   * passed or Ctrl-C), stops the mock and judges what it saw.
   */
  async finish(waitMs: number, from = 0): Promise<DocumentsResult> {
    const mine = this.sent.slice(from);
    const judge = () =>
      assessDocuments(mine, this.api.activity, (d) => this.deliveredAt[this.sent.indexOf(d)] ?? 0);
    if (mine.length > 0 && !this.ctx.signal?.aborted) {
      this.ctx.stderr.write(
        `waiting up to ${(waitMs / 1000).toFixed(0)} s for the integration to fetch ${mine.length} document${mine.length === 1 ? '' : 's'} (Ctrl-C stops the wait)\n`,
      );
      await this.api.waitFor(
        () => judge().documents.every((d) => d.ok),
        this.ctx.deps.monotonic() + waitMs,
        this.ctx.signal,
      );
    }
    await this.api.close();
    const { documents, summary } = judge();
    return {
      documentsApi: {
        apiBase: this.api.apiBase,
        linkTtlSeconds: this.settings.linkTtlSeconds,
        username: this.settings.username,
      },
      documents,
      documentsSummary: summary,
    };
  }

  async close(): Promise<void> {
    await this.api.close();
  }

  /** A document carried again (the same order in a later step) keeps its first delivery. */
  private add(documents: readonly SentDocument[]): void {
    const fresh = documents.filter((d) => !this.sent.some((known) => known.key === d.key));
    this.sent.push(...fresh);
    this.api.register(fresh);
  }
}

/** `--documents-api` and its companions, checked before anything starts. */
export function checkDocumentsApi(settings: DocumentsApiSettings | undefined, dryRun = false): void {
  if (!settings) return;
  if (dryRun) {
    throw new UsageError(
      '--dry-run sends nothing, so --documents-api would have nothing to serve',
      'Leave out one of them',
    );
  }
}
