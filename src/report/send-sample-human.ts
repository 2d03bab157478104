import type {
  SendSampleDeliveryReport,
  SendSampleDryRunReport,
  SendSampleReport,
  SendSampleRequestRecord,
} from './send-sample-report.js';
import { renderDocuments } from './documents-human.js';
import { palette } from './palette.js';
import { describePrivateTrust } from './private-trust-line.js';
import { count } from '../core/text/count.js';

type Paint = ReturnType<typeof palette>;

export function renderSendSampleHuman(report: SendSampleReport, options: { color: boolean }): string {
  const c = palette(options.color);
  return report.dryRun ? renderDryRun(report, c) : renderDelivery(report, c);
}

function renderDryRun(report: SendSampleDryRunReport, c: Paint): string {
  const lines = [c.bold(`Dry run: nothing was sent to ${report.url}`)];
  if (report.count > 1) {
    lines.push(
      `This request set would be sent ${count(report.count, 'time')}, ${report.concurrency} at a time.`,
    );
  }
  if (report.token) {
    lines.push(
      '',
      c.dim('# first, the OAuth 2.0 token request'),
      `${report.token.method} ${report.token.url}`,
    );
    for (const [name, value] of Object.entries(report.token.headers)) lines.push(`${name}: ${value}`);
    lines.push('', report.token.body);
  }
  for (const request of report.requests) {
    const source = request.file ? `, from ${request.file}` : '';
    lines.push(
      '',
      c.dim(`# ${request.event} (${request.type ?? 'unknown type'}, ${request.format}${source})`),
    );
    lines.push(`${request.method} ${request.url}`);
    for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${value}`);
    lines.push('', request.body);
  }
  return lines.join('\n');
}

function renderDelivery(report: SendSampleDeliveryReport, c: Paint): string {
  const { summary } = report;
  const via = report.proxy ? `, through the proxy ${report.proxy}` : '';
  const lines = [
    c.bold(`send-sample ${report.url}`) +
      c.dim(`  (auth: ${report.auth}${inferredNote(report.authInferredFrom)}${via})`),
    ...(report.trust ? [c.yellow(`! ${describePrivateTrust(report.trust)}`)] : []),
    '',
  ];
  // A burst lists only what went wrong (its successes are alike); a single run lists every request.
  const burst = report.count > 1;
  if (burst) {
    const setSize = Math.round(summary.sent / report.count);
    lines.push(`burst: ${report.count} × ${count(setSize, 'request')}, ${report.concurrency} at a time`);
  }
  const listed = burst ? report.requests.filter((r) => !isDelivered(r)) : report.requests;
  for (const request of listed) lines.push(...renderRequest(request, c));
  if (!burst && report.requestsOmitted > 0) {
    lines.push(c.dim(`  … ${report.requestsOmitted} more requests, counted in the summary`));
  }
  if (burst && listed.length > 0 && summary.failed > listed.length) {
    lines.push(c.dim(`  … ${summary.failed - listed.length} more not delivered, counted below`));
  }
  const statuses = Object.entries(summary.byStatus)
    .map(([status, n]) => `${status} ×${n}`)
    .join(', ');
  const verdict =
    summary.failed === 0
      ? c.green(`${summary.delivered} of ${summary.sent} delivered`)
      : c.red(`${summary.failed} of ${summary.sent} not delivered`);
  lines.push(
    '',
    `${verdict}  ${c.dim(`(status: ${statuses}; ${count(summary.attempts, 'HTTP exchange')})`)}`,
  );
  const spread = (l: typeof summary.latencyMs) =>
    `min ${l.min} ms · median ${l.median} ms · p95 ${l.p95} ms · max ${l.max} ms`;
  if (summary.attempts > summary.sent && summary.requestLatencySamples > 0) {
    // Retries make a request slower than any of its attempts: both figures, named.
    lines.push(`latency per request (retries included)  ${spread(summary.requestLatencyMs)}`);
    if (summary.latencySamples > 0) {
      lines.push(`latency per attempt                     ${spread(summary.latencyMs)}`);
    }
  } else if (summary.latencySamples > 0) {
    lines.push(`latency  ${spread(summary.latencyMs)}`);
  }
  if (summary.sent > 1) {
    lines.push(
      c.dim(
        `${count(summary.sent, 'request')} in ${summary.elapsedMs} ms (${summary.requestsPerSecond} req/s)`,
      ),
    );
  }
  if (summary.tokenFetches !== undefined) lines.push(c.dim(`OAuth token requests: ${summary.tokenFetches}`));
  if (report.documentsApi && report.documents && report.documentsSummary) {
    const { documentsApi, documents, documentsSummary } = report;
    lines.push(...renderDocuments({ documentsApi, documents, documentsSummary }, c));
  }
  if (report.interrupted) {
    lines.push(
      c.yellow(
        `interrupted: the summary counts the ${count(summary.sent, 'request')} answered before Ctrl-C`,
      ),
    );
  }
  return lines.join('\n');
}

function isDelivered(request: SendSampleRequestRecord): boolean {
  return request.outcome === 'delivered' || request.outcome === 'retried-then-delivered';
}

function renderRequest(request: SendSampleRequestRecord, c: Paint): string[] {
  const delivered = isDelivered(request);
  const mark = delivered ? c.green('✔') : c.red('✖');
  const status = request.status === null ? 'no answer' : String(request.status);
  const attempts = request.attempts > 1 ? `, ${request.attempts} attempts` : '';
  const source = request.file ? c.dim(` ${request.file}`) : '';
  const repeat =
    request.redelivery === undefined
      ? ''
      : `  repeat ${request.redelivery}${request.sameClass === undefined ? '' : request.sameClass ? c.dim(': same class of answer as the first') : c.red(': a different class of answer than the first')}`;
  const lines = [
    `${mark} ${request.event}${source}  ${status}  ${request.outcome}  ${c.dim(`${request.durationMs} ms${attempts}`)}${repeat}`,
  ];
  if (request.note) lines.push(`    ${delivered ? c.dim(request.note) : c.yellow(request.note)}`);
  if (!delivered && request.responseBody.trim() !== '') {
    const body = request.responseBody.replace(/\s+/g, ' ').trim();
    lines.push(c.dim(`    response: ${body.length > 200 ? `${body.slice(0, 200)}…` : body}`));
  }
  return lines;
}

/** `, inferred from --token` when --auth was absent. */
export function inferredNote(from: string[] | undefined): string {
  return from ? `, inferred from ${from.join(' and ')}` : '';
}
