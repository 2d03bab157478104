import { setTimeout as sleep } from 'node:timers/promises';
import { resolveCredentials, secretsOf, type AuthMethod } from '../core/http/auth-credentials.js';
import { prepareAuthorization } from '../core/http/authorization.js';
import type { TallySummary } from '../core/http/burst-tally.js';
import type { Outcome } from '../core/http/deliver-request.js';
import { createSecretMasker, maskError, type SecretMasker } from '../core/http/mask-secrets.js';
import { noAnswerError, unreachableError } from '../core/http/network-failure.js';
import { tradecloudAuthWarnings } from '../core/http/oauth-authority.js';
import type { PayloadFormat, WebhookType } from '../core/payload/requests/payload-request.js';
import { readCaFiles } from '../core/http/read-ca-files.js';
import { loadRequestSet } from '../core/payload/requests/request-set.js';
import { parseTargetUrl } from '../core/http/target-url.js';
import type { CommandContext } from './context.js';
import type { SendSampleOptions } from './options.js';
import { describeDryRun, type DryRunRequest, type DryRunTokenRequest } from './send-sample-dry-run.js';
import { openConnectionPools } from './send-sample-pools.js';
import { runDeliveries } from './send-sample-run.js';

export interface SendSampleRequestRecord {
  /** 1-based position in the run (bursts keep only some records). */
  index: number;
  event: string;
  type: WebhookType | null;
  format: PayloadFormat;
  file?: string;
  /** HTTP status of the last attempt; null when there was no answer. */
  status: number | null;
  durationMs: number;
  attempts: number;
  outcome: Outcome;
  /** The first 2 KiB of the last answer, secrets masked. */
  responseBody: string;
  /** What Tradecloud would make of this outcome. */
  note?: string;
  /** Where a redirect pointed (Tradecloud does not follow it). */
  location?: string;
}

interface ReportBase {
  url: string;
  ok: boolean;
  auth: AuthMethod;
  count: number;
  concurrency: number;
  /** Tradecloud facts about this setup, also printed on stderr. */
  warnings: string[];
}

export interface SendSampleDeliveryReport extends ReportBase {
  dryRun: false;
  /** Ctrl-C stopped the run: the summary covers the requests answered before it (exit 130). */
  interrupted?: true;
  requests: SendSampleRequestRecord[];
  /** Requests run but not listed (bursts keep the first 20 and the first of each other outcome). */
  requestsOmitted: number;
  summary: TallySummary & { elapsedMs: number; requestsPerSecond: number; tokenFetches?: number };
}

export interface SendSampleDryRunReport extends ReportBase {
  dryRun: true;
  ok: true;
  /** The OAuth token request that would be sent first. */
  token?: DryRunTokenRequest;
  requests: DryRunRequest[];
}

export type SendSampleReport = SendSampleDeliveryReport | SendSampleDryRunReport;

export async function sendSampleCommand(
  options: SendSampleOptions,
  ctx: CommandContext,
): Promise<SendSampleReport> {
  const masker = createSecretMasker();
  try {
    return await sendSample(options, ctx, masker);
  } catch (error) {
    throw maskError(error, masker);
  }
}

async function sendSample(
  options: SendSampleOptions,
  ctx: CommandContext,
  masker: SecretMasker,
): Promise<SendSampleReport> {
  const credentials = resolveCredentials(options);
  masker.add(...secretsOf(credentials));
  const target = parseTargetUrl(options.url, {
    what: 'the webhook URL',
    flag: 'url',
    sendsSecret: credentials.method !== 'none',
  });
  const tokenUrl =
    credentials.method === 'oauth2'
      ? parseTargetUrl(credentials.tokenUrl, { what: '--token-url', flag: '--token-url', sendsSecret: true })
          .url
      : undefined;
  const { requests, warnings: payloadWarnings } = await loadRequestSet({
    ...options,
    now: new Date(),
    cwd: ctx.cwd,
  });
  const warnings = [
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
    count: options.count,
    concurrency: options.concurrency,
    warnings: warnings.map((w) => masker.mask(w)),
  };
  if (options.dryRun) {
    const view = describeDryRun({ url: target.url, credentials, tokenUrl, requests, mask: masker.mask });
    return { ...base, ok: true, dryRun: true, ...view };
  }

  const { agent, tokenAgent } = await openConnectionPools({
    url: target.url,
    tokenUrl,
    sendsSecret: credentials.method !== 'none',
    ca: await readCaFiles(options.ca, ctx.cwd),
    connections: Math.min(options.concurrency, requests.length * options.count),
    timeoutMs: options.timeoutMs,
    lookup: options.lookup,
  });
  try {
    const authorize = await prepareAuthorization(credentials, {
      dispatcher: tokenAgent ?? agent,
      timeoutMs: options.timeoutMs,
      tokenUrl,
      now: Date.now,
      onToken: (token) => masker.add(token),
    });
    const run = await runDeliveries({
      url: target.url,
      requests,
      count: options.count,
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs,
      dispatcher: agent,
      authorize: authorize.header,
      retry: {
        enabled: options.retry,
        maxRetries: options.maxRetries,
        baseMs: options.retryBaseMs,
        sleep: (ms) => sleep(ms),
      },
      masker,
      ctx,
    });
    const interrupted = ctx.signal?.aborted === true;
    if (!interrupted && run.tally.reached === 0 && run.tally.firstUnreached) {
      throw unreachableError(target.url, run.tally.firstUnreached);
    }
    const summary = run.tally.summary();
    if (!interrupted && run.tally.answered === 0 && run.tally.firstUnanswered) {
      // The contract's "timeout before any answer": nothing about the endpoint could be checked.
      throw noAnswerError(target.url, run.tally.firstUnanswered);
    }
    return {
      ...base,
      ok: !interrupted && summary.sent > 0 && summary.failed === 0,
      dryRun: false,
      ...(interrupted ? { interrupted: true as const } : {}),
      requests: run.tally.records(),
      requestsOmitted: run.tally.omitted,
      summary: {
        ...summary,
        elapsedMs: Math.round(run.elapsedMs),
        requestsPerSecond: Math.round((summary.sent / Math.max(run.elapsedMs, 1)) * 1000 * 10) / 10,
        ...(authorize.tokens ? { tokenFetches: authorize.tokens.fetches } : {}),
      },
    };
  } finally {
    await Promise.all([agent.destroy(), tokenAgent?.destroy()]);
  }
}
