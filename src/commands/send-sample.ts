import { deliverPayloads } from '../core/delivery/deliver-payloads.js';
import { resolveDeliveryTarget } from '../core/delivery/delivery-target.js';
import { describeDryRun } from '../core/delivery/describe-dry-run.js';
import { markRedeliveries, repeatEach } from '../core/delivery/redeliveries.js';
import { withSecretMasker, type SecretMasker } from '../core/http/mask-secrets.js';
import { tradecloudAuthWarnings } from '../core/http/oauth-authority.js';
import { ignoredVariablesNote } from '../core/http/infer-auth.js';
import { loadRequestSet } from '../core/requests/request-set.js';
import { pemsOf } from '../core/net/trust-store.js';
import type { SendSampleReport } from '../report/send-sample-report.js';
import { proxySettingsOf, trustedCasOf } from './command-deps.js';
import type { CommandContext } from './context.js';
import type { SendSampleOptions } from './options.js';
import { createBurstProgress } from './send-sample-progress.js';
import { deliveryTrust } from './delivery-trust.js';
import { retryPolicyOf } from './retry-policy.js';
import { checkDocumentsApi, DocumentsSession } from './documents-session.js';

/** Sends generated or stored payloads as Tradecloud would, through the shared delivery service. */
export async function sendSampleCommand(
  options: SendSampleOptions,
  ctx: CommandContext,
): Promise<SendSampleReport> {
  return withSecretMasker((masker) => sendSample(options, ctx, masker), ctx.masker);
}

async function sendSample(
  options: SendSampleOptions,
  ctx: CommandContext,
  masker: SecretMasker,
): Promise<SendSampleReport> {
  const target = resolveDeliveryTarget(options.url, options, masker);
  checkDocumentsApi(options.documentsApi, options.dryRun);
  const documents = options.documentsApi
    ? await DocumentsSession.start(options.documentsApi, ctx, masker, options.timeoutMs)
    : undefined;
  try {
    return await sendWith(options, ctx, masker, target, documents);
  } finally {
    await documents?.close();
  }
}

async function sendWith(
  options: SendSampleOptions,
  ctx: CommandContext,
  masker: SecretMasker,
  target: ReturnType<typeof resolveDeliveryTarget>,
  documents: DocumentsSession | undefined,
): Promise<SendSampleReport> {
  const { credentials, tokenUrl } = target;
  const { requests: loaded, warnings: payloadWarnings } = await loadRequestSet({
    ...options,
    now: ctx.deps.now(),
    cwd: ctx.cwd,
    ...(documents ? { prepare: documents.prepare } : {}),
  });
  const redeliver = options.redeliver ?? 0;
  const requests = repeatEach(loaded, redeliver);
  const ignored = ignoredVariablesNote(options.ignoredVariables ?? [], credentials.method);
  if (documents && options.files.length > 0) documents.registerReplayed(loaded);
  const warnings = [
    ...(ignored ? [ignored] : []),
    ...target.warnings,
    ...payloadWarnings,
    ...tradecloudAuthWarnings({
      method: credentials.method,
      tokenUrl,
      types: requests.map((r) => r.type ?? ''),
      formats: requests.map((r) => r.format),
    }),
  ];
  if (credentials.method === 'oauth2' && !credentials.scope) {
    warnings.push(
      "no --scope given: Tradecloud's portal asks for one (for Entra ID: https://<your-webhook-host>/.default)",
    );
  }
  for (const warning of warnings) ctx.warn(masker.mask(warning));
  const base = {
    url: target.url.href,
    ok: true,
    auth: credentials.method,
    ...(options.inferredFrom ? { authInferred: true as const, authInferredFrom: options.inferredFrom } : {}),
    count: options.count,
    concurrency: options.concurrency,
    warnings: warnings.map((w) => masker.mask(w)),
  };
  if (options.dryRun) {
    const view = describeDryRun({ url: target.url, credentials, tokenUrl, requests, mask: masker.mask });
    return { ...base, ok: true, dryRun: true, ...view };
  }

  documents?.markDelivered(ctx.deps.monotonic());
  const extraCa = await trustedCasOf(ctx.deps, options.ca, ctx.cwd);
  const run = await deliverPayloads(
    {
      url: target.url,
      tokenUrl,
      credentials,
      requests,
      count: options.count,
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs,
      ca: pemsOf(extraCa),
      retry: retryPolicyOf(options),
      masker,
      progress: await createBurstProgress(ctx, requests.length * options.count),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      proxy: proxySettingsOf(ctx.deps, options.proxy),
    },
    ctx.deps,
  );
  // A link fetched at the last moment still gets its whole lifetime before the wait ends.
  const fetched =
    documents && !run.interrupted
      ? await documents.finish(2 * options.documentsApi!.linkTtlSeconds * 1000)
      : undefined;
  const trust = await deliveryTrust(run, extraCa, ctx.deps.publicRoots);
  return {
    ...base,
    ...(run.proxy ? { proxy: run.proxy } : {}),
    ...(trust ? { trust } : {}),
    ...(fetched ?? {}),
    ok: !run.interrupted && run.summary.sent > 0 && run.summary.failed === 0,
    dryRun: false,
    ...(run.interrupted || ctx.signal?.aborted ? { interrupted: true as const } : {}),
    requests: markRedeliveries(run.records, redeliver),
    requestsOmitted: run.omitted,
    summary: run.summary,
  };
}
