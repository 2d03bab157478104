import type { ApiActivity, ApiMockStart } from '../core/documents/api-mock-types.js';
import { checkApiMockOptions, type ApiMockOptions } from '../core/documents/check-api-mock-options.js';
import { documentPdf, randomToken, TOKEN_TTL_MS } from '../core/documents/documents-api.js';
import { serveApiMock } from '../core/documents/serve-api-mock.js';
import { withSecretMasker } from '../core/http/mask-secrets.js';
import { readTlsPair } from '../core/listen/tls-pair.js';
import type { ApiMockSummary } from '../report/api-mock-report.js';
import type { CommandContext } from './context.js';

export type { ApiMockOptions };

export interface ApiMockHooks {
  /** Aborted by the CLI on Ctrl-C or SIGTERM. */
  stop: AbortSignal;
  onStart(start: ApiMockStart): void;
  onRequest(activity: ApiActivity): void;
}

/**
 * Runs the document API mock standing alone until stopped: any well-formed objectId is answered
 * with a generated PDF, any path under /files/ is a url-only document. Everything that can stop it
 * from starting (flags, certificate, port) throws before it listens.
 */
export async function apiMockCommand(
  o: ApiMockOptions,
  ctx: CommandContext,
  hooks: ApiMockHooks,
): Promise<ApiMockSummary> {
  return withSecretMasker(async (masker) => {
    masker.add(o.password);
    const warnings = checkApiMockOptions(o);
    const tls = o.http ? undefined : await readTlsPair(o.cert!, o.key!, ctx.cwd);
    const summary: ApiMockSummary = {
      requests: 0,
      logins: 0,
      loginsRefused: 0,
      metadata: 0,
      downloads: 0,
      expiredLinks: 0,
      urlDocuments: 0,
    };
    const serving = await serveApiMock(
      {
        ...(tls ? { tls } : {}),
        port: o.port,
        host: o.host,
        portFlag: '--port',
        timeoutMs: o.timeoutMs,
        stop: hooks.stop,
        wallClock: ctx.deps.wallClock,
        onActivity: (activity) => {
          count(summary, activity);
          hooks.onRequest(activity);
        },
      },
      {
        credentials: { username: o.username, password: o.password },
        linkTtlMs: o.linkTtlSeconds * 1000,
        tokenTtlMs: TOKEN_TTL_MS,
        now: ctx.deps.monotonic,
        randomToken,
        pdf: documentPdf,
        onIssued: (...tokens) => masker.add(...tokens),
      },
    );
    hooks.onStart({
      url: serving.origin,
      apiBase: `${serving.origin}/v2`,
      linkTtlSeconds: o.linkTtlSeconds,
      username: o.username,
      warnings: warnings.map((w) => masker.mask(w)),
    });
    await serving.stopped;
    return summary;
  }, ctx.masker);
}

function count(summary: ApiMockSummary, a: ApiActivity): void {
  summary.requests++;
  const ok = a.status === 200;
  if (a.kind === 'login') {
    if (ok) summary.logins++;
    else summary.loginsRefused++;
  }
  if (a.kind === 'metadata' && ok) summary.metadata++;
  if (a.kind === 'download' && ok) summary.downloads++;
  if (a.kind === 'download' && a.reason?.includes('expired')) summary.expiredLinks++;
  if (a.kind === 'url-document' && ok) summary.urlDocuments++;
}
