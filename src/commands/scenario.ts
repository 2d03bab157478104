import { UsageError } from '../errors.js';
import { deliverPayloads } from '../core/delivery/deliver-payloads.js';
import { resolveDeliveryTarget } from '../core/delivery/delivery-target.js';
import { repeatEach } from '../core/delivery/redeliveries.js';
import { withSecretMasker, type SecretMasker } from '../core/http/mask-secrets.js';
import { tradecloudAuthWarnings } from '../core/http/oauth-authority.js';
import { BUILTIN_SCENARIOS } from '../core/scenario/builtin-scenarios.js';
import { buildScenarioRequests } from '../core/scenario/build-scenario-requests.js';
import { judgeSteps } from '../core/scenario/judge-steps.js';
import { resolveScenario } from '../core/scenario/resolve-scenario.js';
import type { ScenarioListReport, ScenarioRunReport } from '../core/scenario/scenario-report.js';
import { pemsOf } from '../core/net/trust-store.js';
import { proxySettingsOf, trustedCasOf } from './command-deps.js';
import { deliveryTrust } from './delivery-trust.js';
import { retryPolicyOf } from './retry-policy.js';
import { confirmUnlessInterrupted } from './confirm-unless-interrupted.js';
import type { CommandContext } from './context.js';
import type { ScenarioOptions } from './options.js';
import { checkDocumentsApi, DocumentsSession } from './documents-session.js';
import { count } from '../core/text/count.js';

/** `scenario --list`: the built-in scenarios with their steps. */
export function listScenarios(): ScenarioListReport {
  return {
    ok: true,
    scenarios: BUILTIN_SCENARIOS.map((s) => ({
      name: s.name,
      type: s.type,
      description: s.description,
      steps: s.steps.map((step) => ({ event: step.event, lines: step.lines ?? [] })),
    })),
  };
}

/** Sends a scenario's steps in order, as Tradecloud would, and judges each answer. */
export async function scenarioCommand(
  options: ScenarioOptions,
  ctx: CommandContext,
): Promise<ScenarioRunReport> {
  return withSecretMasker((masker) => runScenario(options, ctx, masker), ctx.masker);
}

async function runScenario(
  options: ScenarioOptions,
  ctx: CommandContext,
  masker: SecretMasker,
): Promise<ScenarioRunReport> {
  const definition = await resolveScenario(options.scenario, ctx.cwd);
  const target = resolveDeliveryTarget(options.url, options, masker);
  checkDocumentsApi(options.documentsApi);
  const documents = options.documentsApi
    ? await DocumentsSession.start(options.documentsApi, ctx, masker, options.timeoutMs)
    : undefined;
  try {
    return await runWith(options, ctx, masker, { definition, target, documents });
  } finally {
    await documents?.close();
  }
}

async function runWith(
  options: ScenarioOptions,
  ctx: CommandContext,
  masker: SecretMasker,
  run0: {
    definition: Awaited<ReturnType<typeof resolveScenario>>;
    target: ReturnType<typeof resolveDeliveryTarget>;
    documents: DocumentsSession | undefined;
  },
): Promise<ScenarioRunReport> {
  const { definition, target, documents } = run0;
  const warnings: string[] = [];
  const requests = await buildScenarioRequests(definition, {
    format: options.format,
    now: ctx.deps.now(),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    onWarning: (w) => warnings.push(w),
    ...(documents ? { prepare: documents.prepare } : {}),
  });
  warnings.push(
    ...target.warnings,
    ...tradecloudAuthWarnings({
      method: target.credentials.method,
      tokenUrl: target.tokenUrl,
      types: [definition.type],
      formats: [options.format],
    }),
  );
  const per = options.redeliver + 1;
  const planned = requests.length * per;
  ctx.stderr.write(
    `scenario ${definition.name} will send ${count(planned, 'request')} to ${masker.mask(target.url.href)}: ` +
      `${count(requests.length, 'event')}${per > 1 ? `, each delivered ${per} times` : ''}` +
      `${options.retry ? ' (more if answers above 500 are retried)' : ''}\n`,
  );
  if (!options.yes) {
    if (!ctx.stdinIsTTY) {
      throw new UsageError(
        'scenario: nothing was sent; it asks before sending, and stdin is not a terminal',
        'Pass --yes to send without asking',
      );
    }
    if (!(await confirmUnlessInterrupted(ctx)) || ctx.signal?.aborted === true) {
      throw new UsageError('scenario cancelled: nothing was sent', 'Run again and answer y, or pass --yes');
    }
  }
  for (const warning of warnings) ctx.warn(masker.mask(warning));

  const expanded = repeatEach(requests, options.redeliver);
  documents?.markDelivered(ctx.deps.monotonic());
  const extraCa = await trustedCasOf(ctx.deps, options.ca, ctx.cwd);
  const run = await deliverPayloads(
    {
      url: target.url,
      tokenUrl: target.tokenUrl,
      credentials: target.credentials,
      requests: expanded,
      count: 1,
      concurrency: 1,
      timeoutMs: options.timeoutMs,
      ca: pemsOf(extraCa),
      retry: retryPolicyOf(options),
      delayBeforeMs: (index) => (index % per === 0 ? (definition.steps[index / per]?.delayMs ?? 0) : 0),
      masker,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      proxy: proxySettingsOf(ctx.deps, options.proxy),
    },
    ctx.deps,
  );
  const judged = judgeSteps({
    requests,
    expectations: definition.steps.map((s) => s.expect ?? '2xx'),
    records: run.records,
    redeliver: options.redeliver,
  });
  // As send-sample: a link fetched at the last moment still gets its whole lifetime.
  const fetched =
    documents && !run.interrupted
      ? await documents.finish(2 * options.documentsApi!.linkTtlSeconds * 1000)
      : undefined;
  const trust = await deliveryTrust(run, extraCa, ctx.deps.publicRoots);
  return {
    ...(fetched ?? {}),
    url: target.url.href,
    ok: !run.interrupted && judged.steps.length === requests.length && judged.summary.notMet === 0,
    scenario: {
      name: definition.name,
      type: definition.type,
      source: definition.source,
      description: definition.description,
    },
    format: options.format,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    auth: target.credentials.method,
    redeliver: options.redeliver,
    ...(run.proxy ? { proxy: run.proxy } : {}),
    ...(trust ? { trust } : {}),
    warnings: warnings.map((w) => masker.mask(w)),
    requestsPlanned: planned,
    requestsSent: run.summary.attempts,
    ...judged,
    ...(run.interrupted || ctx.signal?.aborted ? { interrupted: true as const } : {}),
  };
}
