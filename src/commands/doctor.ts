import { UsageError } from '../errors.js';
import {
  deliverPayloads,
  type DeliveryRun,
  type DeliveryRunOptions,
} from '../core/delivery/deliver-payloads.js';
import { assessDuplicates, assessForwardCompat } from '../core/doctor/assess-behind-door.js';
import { resolveDeliveryTarget } from '../core/delivery/delivery-target.js';
import { assessAuth, type AuthProbes, type ProbeAnswer } from '../core/doctor/assess-auth.js';
import { assessConfig } from '../core/doctor/assess-config.js';
import { assessDeliveries } from '../core/doctor/assess-deliveries.js';
import { assessStatusCodes } from '../core/doctor/assess-status-codes.js';
import { assessTiming } from '../core/doctor/assess-timing.js';
import { summarizeGrade } from '../core/doctor/assess-tls-grade.js';
import { summarizeTls } from '../core/doctor/assess-tls-summary.js';
import {
  verdictOf,
  type DoctorCheck,
  type DoctorDelivery,
  type DoctorReport,
} from '../core/doctor/doctor-types.js';
import { withSecretMasker, type SecretMasker } from '../core/http/mask-secrets.js';
import { ignoredVariablesNote } from '../core/http/infer-auth.js';
import { assessDocumentsCheck } from '../core/doctor/assess-documents-check.js';
import { DEFAULT_DOCUMENTS_WAIT_SECONDS } from '../core/documents/documents-defaults.js';
import { checkDocumentsApi, DocumentsSession } from './documents-session.js';
import type { PayloadRequest } from '../core/requests/payload-request.js';
import { startGrading } from '../core/tls/grade/grade-endpoint.js';
import { unlessAborted } from '../core/flow/unless-aborted.js';
import { inspectTlsEndpoint } from '../core/tls/inspect-endpoint.js';
import { pemsOf } from '../core/net/trust-store.js';
import { proxySettingsOf, trustedCasOf } from './command-deps.js';
import { confirmUnlessInterrupted } from './confirm-unless-interrupted.js';
import type { CommandContext } from './context.js';
import { planDoctor, wrongCredentials } from './doctor-plan.js';
import type { AuthOptions, DoctorOptions } from './options.js';
import { retryPolicyOf } from './retry-policy.js';
import { count } from '../core/text/count.js';

export type { DoctorReport } from '../core/doctor/doctor-types.js';

const DOCUMENTS_CHECK = ['documents', 'Documents downloaded'] as const;

const LATER = [
  ['tls-grade', 'TLS grade (estimate)'],
  ['auth', 'Authentication enforced'],
  ['delivery', 'Events delivered'],
  ['timing', 'Response time'],
  ['status-codes', 'Status codes for a bad payload'],
  ['forward-compat', 'Forward compatibility'],
  ['duplicates', 'Repeated delivery'],
] as const;

/**
 * Would Tradecloud's webhook work against this endpoint? Composes the TLS and delivery services:
 * TLS first (a failure stops there), then the grade, authentication probes, every selected event
 * and one invalid payload, each judged against Tradecloud's rules.
 */
export async function doctorCommand(options: DoctorOptions, ctx: CommandContext): Promise<DoctorReport> {
  return withSecretMasker((masker) => doctor(options, ctx, masker), ctx.masker);
}

async function doctor(
  options: DoctorOptions,
  ctx: CommandContext,
  masker: SecretMasker,
): Promise<DoctorReport> {
  const target = resolveDeliveryTarget(options.url, options, masker);
  checkDocumentsApi(options.documentsApi);
  const documents = options.documentsApi
    ? await DocumentsSession.start(options.documentsApi, ctx, masker, options.timeoutMs)
    : undefined;
  try {
    return await doctorWith(options, ctx, masker, target, documents);
  } finally {
    await documents?.close();
  }
}

async function doctorWith(
  options: DoctorOptions,
  ctx: CommandContext,
  masker: SecretMasker,
  target: ReturnType<typeof resolveDeliveryTarget>,
  documents: DocumentsSession | undefined,
): Promise<DoctorReport> {
  const plan = await planDoctor(options, ctx.deps.now(), documents?.prepare);
  const ignored = ignoredVariablesNote(options.ignoredVariables ?? [], options.auth);
  if (ignored) ctx.warn(ignored);
  for (const warning of plan.warnings) ctx.warn(warning);
  // The TLS grade's HSTS GET goes to the same URL, so it is announced and counted too, as is the
  // order-documents event of the documents check.
  const planned = plan.total + 1 + (documents ? 1 : 0);
  const via: { proxy?: string } = {};
  let invalidPayload: DoctorReport['invalidPayload'];
  const checks: DoctorCheck[] = [
    assessConfig({
      types: options.types,
      format: options.format,
      auth: options.auth,
      tokenUrl: options.tokenUrl,
    }),
  ];
  const report = (deliveries: DoctorDelivery[], sent: number): DoctorReport => ({
    url: options.url,
    ...verdictOf(checks),
    types: options.types,
    format: options.format,
    auth: options.auth,
    ...(options.inferredFrom ? { authInferred: true as const, authInferredFrom: options.inferredFrom } : {}),
    requestsSent: sent,
    requestsPlanned: planned,
    ...(via.proxy ? { proxy: via.proxy } : {}),
    checks,
    deliveries,
    ...(invalidPayload ? { invalidPayload } : {}),
  });
  const skipRest = (message: string) => {
    for (const [id, title] of documents ? [...LATER, DOCUMENTS_CHECK] : LATER) {
      if (!checks.some((k) => k.id === id || k.id.startsWith(`${id}.`))) {
        checks.push({ id, title, status: 'skip', message });
      }
    }
  };
  // Ctrl-C once requests may have gone out: what was checked so far, the rest skipped, no verdict.
  const interrupted = (deliveries: DoctorDelivery[], sent: number): DoctorReport => {
    skipRest('not attempted: interrupted');
    return { ...report(deliveries, sent), ok: false, verdict: 'not-ready', interrupted: true };
  };
  const aborted = () => ctx.signal?.aborted === true;

  const extraCa = await trustedCasOf(ctx.deps, options.ca, ctx.cwd);
  const proxySettings = proxySettingsOf(ctx.deps, options.proxy);
  const grader = startGrading();
  // A handshake cannot be cut short: Ctrl-C stops waiting for it (and the process ends once printed).
  const tls = await unlessAborted(
    inspectTlsEndpoint(
      {
        target: options.url,
        servername: options.servername,
        probeHttps: false,
        extraCa,
        timeoutMs: options.timeoutMs,
        proxy: proxySettings,
      },
      ctx.deps,
    ),
    ctx.signal,
  );
  if (!tls) {
    checks.push({
      id: 'tls',
      title: 'TLS and certificate',
      status: 'skip',
      message: 'not finished: interrupted',
    });
    return interrupted([], 0);
  }
  if (tls.proxy) via.proxy = tls.proxy.display;
  const tlsCheck = summarizeTls(tls.result.checks, tls.probe?.negotiated?.protocol, tls.result.privateTrust);
  checks.push(tlsCheck);
  if (tlsCheck.status === 'fail') {
    skipRest('not attempted: Tradecloud would not get past TLS');
    return report([], 0);
  }
  if (aborted()) return interrupted([], 0);

  ctx.stderr.write(
    `doctor will send ${count(planned, 'request')} to ${options.url}: ` +
      `${plan.probeCount ? `${plan.probeCount} authentication probes, ` : ''}` +
      `${count(plan.deliveries.length, 'event')}, 1 invalid payload, ` +
      `${count(plan.forwardCompat.length, 'body', 'bodies')} with unknown fields, values or events, 1 event twice, ` +
      `1 GET for the TLS grade (HSTS)` +
      `${documents ? ', 1 order-documents event for the documents check' : ''}` +
      `${options.retry ? ' (more if answers above 500 are retried)' : ''}\n`,
  );
  // Ctrl-C while the question was asked is an answer too: cancelled, nothing sent (exit 2).
  if ((!options.yes && ctx.stdinIsTTY && !(await confirmUnlessInterrupted(ctx))) || aborted()) {
    throw new UsageError('doctor cancelled: nothing was sent', 'Run again and answer y, or pass --yes', {
      code: 'cancelled',
    });
  }
  for (const warning of target.warnings) ctx.warn(masker.mask(warning));

  const grade = await unlessAborted(
    grader.grade(tls, {
      target: options.url,
      servername: options.servername,
      timeoutMs: options.timeoutMs,
      extraCa,
    }),
    ctx.signal,
  );
  // Interrupted while grading: its HSTS GET may have gone out.
  if (!grade) return interrupted([], 1);
  checks.push(summarizeGrade(grade));
  let sent = 1;

  const send = (requests: PayloadRequest[], auth: AuthOptions, retry = NO_RETRY): Promise<DeliveryRun> => {
    const as = resolveDeliveryTarget(options.url, auth, masker);
    return deliverPayloads(
      {
        url: as.url,
        tokenUrl: as.tokenUrl,
        credentials: as.credentials,
        requests,
        count: 1,
        concurrency: 1,
        timeoutMs: options.timeoutMs,
        ca: pemsOf(extraCa),
        retry,
        masker,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        proxy: proxySettings,
      },
      ctx.deps,
    );
  };

  let probes: AuthProbes | undefined;
  if (plan.probeCount > 0) {
    const first = plan.deliveries[0]!;
    const missing = await send([first], { auth: 'none' });
    const wrong = await send([first], wrongCredentials(options));
    sent += missing.summary.sent + wrong.summary.sent;
    if (aborted()) return interrupted([], sent);
    probes = { missing: answerOf(missing), wrong: answerOf(wrong) };
  }
  checks.push(assessAuth(options.auth, probes));

  documents?.markDelivered(ctx.deps.monotonic());
  const behind = [...plan.forwardCompat.map((b) => b.request), plan.duplicate, plan.duplicate];
  const main = await send([...plan.deliveries, plan.invalid, ...behind], options, retryPolicy(options));
  sent += main.summary.sent;
  const records = main.records.map((r): DoctorDelivery => ({
    type: r.type ?? 'unknown',
    event: r.event,
    format: r.format,
    status: r.status,
    outcome: r.outcome,
    durationMs: Math.round(r.durationMs * 10) / 10,
    ...(r.note ? { note: r.note } : {}),
  }));
  const deliveries = records.slice(0, plan.deliveries.length);
  if (aborted()) return interrupted(deliveries, sent);
  for (const type of options.types) {
    const ofType = deliveries.filter((d) => d.type === type);
    checks.push(assessDeliveries(type, ofType[0]?.format ?? options.format, ofType, options.auth));
  }
  checks.push(assessTiming(deliveries, options.slowMs, options.auth));
  const invalid = records[plan.deliveries.length];
  if (invalid) {
    invalidPayload = {
      event: plan.invalid.event.replace(/ \(invalid payload\)$/, ''),
      contentType: plan.invalid.contentType,
      body: masker.mask(plan.invalid.body.toString()),
    };
  }
  checks.push(
    assessStatusCodes(
      invalid ? { status: invalid.status, note: invalid.note } : { status: null },
      deliveries,
      options.auth,
    ),
  );
  const behindAt = plan.deliveries.length + 1;
  const answerAt = (i: number) => records[behindAt + i]?.status ?? null;
  const compat = plan.forwardCompat.map((b, i) => ({ label: b.label, status: answerAt(i) }));
  checks.push(assessForwardCompat(compat, deliveries, options.auth));
  const repeatAt = plan.forwardCompat.length;
  checks.push(assessDuplicates(answerAt(repeatAt), answerAt(repeatAt + 1)));
  if (documents) {
    const waitSeconds = options.documentsApi?.waitSeconds ?? DEFAULT_DOCUMENTS_WAIT_SECONDS;
    const from = documents.documentCount;
    const { generateRequests } = await import('../core/requests/generated-requests.js');
    const [event] = await generateRequests({
      type: 'order-documents',
      events: ['OrderDocumentsAttachedByBuyer'],
      all: false,
      format: options.format,
      now: ctx.deps.now(),
      prepare: documents.prepare,
    });
    documents.markDelivered(ctx.deps.monotonic());
    const delivered = await send([event!], options);
    sent += delivered.summary.sent;
    if (aborted()) return interrupted(deliveries, sent);
    const result = await documents.finish(waitSeconds * 1000, from);
    if (aborted()) return interrupted(deliveries, sent);
    checks.push(assessDocumentsCheck(result.documents, waitSeconds, delivered.records[0]));
  }
  return report(deliveries, sent);
}

const NO_RETRY: DeliveryRunOptions['retry'] = { enabled: false, maxRetries: 0, baseMs: 0 };

/** --retry and its limits, for the deliveries (the authentication probes are never retried). */
function retryPolicy(options: DoctorOptions): DeliveryRunOptions['retry'] {
  return options.retry ? retryPolicyOf(options) : NO_RETRY;
}

function answerOf(run: DeliveryRun): ProbeAnswer {
  const record = run.records[0];
  return record ? { status: record.status, ...(record.note ? { note: record.note } : {}) } : { status: null };
}
