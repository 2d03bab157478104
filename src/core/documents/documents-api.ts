import { randomBytes } from 'node:crypto';
import type { ApiActivity, ApiCredentials, MockDocument } from './api-mock-types.js';
import type { ApiMockPolicy } from './answer-api-request.js';
import { makePdf } from './make-pdf.js';
import { serveApiMock } from './serve-api-mock.js';

/**
 * Tradecloud states that an access token expires after one hour; the mock holds it to that
 * (docs/documents-api.md).
 */
export const TOKEN_TTL_MS = 60 * 60 * 1000;

export interface DocumentsApiOptions {
  /** Port on 127.0.0.1 (0: any free port). */
  port: number;
  credentials: ApiCredentials;
  linkTtlSeconds: number;
  timeoutMs: number;
  /** The tokens each login issues, before they are answered: secrets of the run. */
  onIssued?: (...tokens: string[]) => void;
}

export interface DocumentsApiClock {
  monotonic: () => number;
  wallClock: () => number;
}

/** The document API mock as one command runs it, for its duration, knowing only that run's documents. */
export interface DocumentsApi {
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  /** What the integration uses instead of https://api.tradecloud1.com/v2 . */
  apiBase: string;
  /** Makes the documents of a body known to the mock. */
  register(documents: readonly MockDocument[]): void;
  /** Every request the integration made so far, in order. */
  readonly activity: readonly ApiActivity[];
  /**
   * Waits until `done()` holds (checked on every request the mock answers), `untilMs` (monotonic)
   * has passed, or `signal` is aborted.
   */
  waitFor(done: () => boolean, untilMs: number, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/** The small PDF a document download serves, with the document's own name in it. */
export function documentPdf(document: MockDocument): Buffer {
  return makePdf(document.filename, [
    'A test document served by the tc-webhook document API mock.',
    document.storage === 'object' ? `objectId: ${document.key}` : `path: ${document.key}`,
    'If your integration stored this file, the download works.',
  ]);
}

export function randomToken(): string {
  return randomBytes(24).toString('base64url');
}

export async function startDocumentsApi(
  options: DocumentsApiOptions,
  clock: DocumentsApiClock,
): Promise<DocumentsApi> {
  const documents = new Map<string, MockDocument>();
  const activity: ApiActivity[] = [];
  const waiters = new Set<() => void>();
  const controller = new AbortController();
  const policy: ApiMockPolicy = {
    credentials: options.credentials,
    linkTtlMs: options.linkTtlSeconds * 1000,
    tokenTtlMs: TOKEN_TTL_MS,
    documents,
    now: clock.monotonic,
    randomToken,
    pdf: documentPdf,
    ...(options.onIssued ? { onIssued: options.onIssued } : {}),
  };
  const serving = await serveApiMock(
    {
      port: options.port,
      host: '127.0.0.1',
      portFlag: '--documents-api',
      timeoutMs: options.timeoutMs,
      stop: controller.signal,
      wallClock: clock.wallClock,
      onActivity: (entry) => {
        activity.push(entry);
        for (const wake of waiters) wake();
      },
    },
    policy,
  );
  return {
    origin: serving.origin,
    apiBase: `${serving.origin}/v2`,
    register(list) {
      for (const document of list) documents.set(document.key, document);
    },
    activity,
    async waitFor(done, untilMs, signal) {
      while (!done() && !signal?.aborted) {
        const left = untilMs - clock.monotonic();
        if (left <= 0) return;
        await new Promise<void>((resolve) => {
          const finish = () => {
            clearTimeout(timer);
            waiters.delete(finish);
            signal?.removeEventListener('abort', finish);
            resolve();
          };
          const timer = setTimeout(finish, left);
          waiters.add(finish);
          signal?.addEventListener('abort', finish, { once: true });
        });
      }
    },
    async close() {
      controller.abort();
      await serving.stopped;
    },
  };
}
