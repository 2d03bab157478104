import { UsageError } from '../errors.js';
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
import type { PayloadRequest } from '../core/payload/requests/payload-request.js';
import { checkTlsCommand } from './check-tls.js';
import type { CommandContext } from './context.js';
import { confirmUnlessInterrupted } from './confirm-unless-interrupted.js';
import { planDoctor, wrongCredentials } from './doctor-plan.js';
import type { AuthOptions, DoctorOptions } from './options.js';
import { sendSampleCommand, type SendSampleDeliveryReport } from './send-sample.js';

export type { DoctorReport } from '../core/doctor/doctor-types.js';

/**
 * Would Tradecloud's webhook work against this endpoint? Composes check-tls and send-sample:
 * TLS first (a failure stops there), then authentication probes, every selected event, and one
 * invalid payload, each judged against Tradecloud's rules.
 */
export async function doctorCommand(options: DoctorOptions, ctx: CommandContext): Promise<DoctorReport> {
  const plan = await planDoctor(options, new Date());
  for (const warning of plan.warnings) ctx.warn(warning);
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
    requestsSent: sent,
    requestsPlanned: plan.total + 1,
    checks,
    deliveries,
  });

  const later = [
    ['auth', 'Authentication enforced'],
    ['delivery', 'Events delivered'],
    ['timing', 'Response time'],
    ['status-codes', 'Status codes for a bad payload'],
  ] as const;
  // Ctrl-C once requests may have gone out: what was checked so far, the rest skipped, no verdict.
  const interrupted = (deliveries: DoctorDelivery[], sent: number): DoctorReport => {
    for (const [id, title] of [['tls-grade', 'TLS grade (estimate)'] as const, ...later]) {
      if (!checks.some((k) => k.id === id || k.id.startsWith(`${id}.`))) {
        checks.push({ id, title, status: 'skip', message: 'not attempted: interrupted' });
      }
    }
    return { ...report(deliveries, sent), ok: false, verdict: 'not-ready', interrupted: true };
  };
  const aborted = () => ctx.signal?.aborted === true;

  const tlsOptions = {
    target: options.url,
    servername: options.servername,
    probeHttps: false,
    ca: options.ca,
    timeoutMs: options.timeoutMs,
  };
  const tls = await checkTlsCommand(tlsOptions, ctx);
  const tlsCheck = summarizeTls(tls.checks, tls.negotiated?.protocol);
  checks.push(tlsCheck);
  if (tlsCheck.status === 'fail') {
    const reason = 'not attempted: Tradecloud would not get past TLS';
    for (const [id, title] of [['tls-grade', 'TLS grade (estimate)'] as const, ...later]) {
      checks.push({ id, title, status: 'skip', message: reason });
    }
    return report([], 0);
  }
  if (aborted()) return interrupted([], 0);

  // The TLS grade's HSTS GET goes to the same URL, so it is announced and counted too.
  const planned = plan.total + 1;
  ctx.stderr.write(
    `doctor will send ${planned} requests to ${options.url}: ` +
      `${plan.probeCount ? `${plan.probeCount} authentication probes, ` : ''}` +
      `${plan.deliveries.length} events, 1 invalid payload, 1 GET for the TLS grade (HSTS)\n`,
  );
  if (!options.yes && ctx.stdinIsTTY && !(await confirmUnlessInterrupted(ctx))) {
    throw new UsageError('doctor cancelled: nothing was sent', 'Run again and answer y, or pass --yes');
  }
  // Ctrl-C while the question was asked is an answer too: cancelled, nothing sent (exit 2).
  if (aborted()) {
    throw new UsageError('doctor cancelled: nothing was sent', 'Run again and answer y, or pass --yes');
  }

  const quiet: CommandContext = { ...ctx, warn: () => undefined };
  const send = (requests: PayloadRequest[], auth: AuthOptions) =>
    sendSampleCommand(
      {
        url: options.url,
        all: false,
        format: options.format,
        files: [],
        count: 1,
        concurrency: 1,
        retry: false,
        maxRetries: 0,
        retryBaseMs: 0,
        dryRun: false,
        ca: options.ca,
        timeoutMs: options.timeoutMs,
        requests,
        ...auth,
      },
      quiet,
    ) as Promise<SendSampleDeliveryReport>;

  const graded = await checkTlsCommand({ ...tlsOptions, grade: true }, ctx);
  checks.push(summarizeGrade(graded.grade));
  let sent = 1;
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

  const main = await send([...plan.deliveries, plan.invalid], options);
  sent += main.summary.sent;
  for (const warning of main.warnings) ctx.warn(warning);
  const records = main.requests.map((r): DoctorDelivery => ({
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
    checks.push(assessDeliveries(type, ofType[0]?.format ?? options.format, ofType));
  }
  checks.push(assessTiming(deliveries, options.slowMs));
  const invalid = records[plan.deliveries.length];
  checks.push(assessStatusCodes(invalid ? { status: invalid.status, note: invalid.note } : { status: null }));
  return report(deliveries, sent);
}

function answerOf(report: SendSampleDeliveryReport): ProbeAnswer {
  const record = report.requests[0];
  return record ? { status: record.status, ...(record.note ? { note: record.note } : {}) } : { status: null };
}
