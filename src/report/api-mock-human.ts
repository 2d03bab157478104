import type { ApiActivity, ApiMockStart } from '../core/documents/api-mock-types.js';
import type { ApiMockSummary } from './api-mock-report.js';
import { palette, type Palette } from './palette.js';
import { count } from '../core/text/count.js';

/** The start-up lines (stderr): where it listens and what the integration must change to use it. */
export function renderApiMockStart(start: ApiMockStart): string {
  return [
    `api-mock: Tradecloud's document API on ${start.url} (login ${start.username}; download links expire ${start.linkTtlSeconds} s after the metadata call)`,
    `Point your integration's Tradecloud API base URL (https://api.tradecloud1.com/v2, or https://api.accp.tradecloud1.com/v2 in acceptance) at ${start.apiBase}`,
    ...start.warnings.map((w) => `warning: ${w}`),
    'Stop with Ctrl-C.',
    '',
  ].join('\n');
}

/** One line per request: time, sequence, request, status, what it was and what was wrong. */
export function apiMockRequestRenderer(options: { color: boolean }): (activity: ApiActivity) => string {
  const c = palette(options.color);
  return (a) => renderRequest(a, c);
}

function renderRequest(a: ApiActivity, c: Palette): string {
  const ok = a.status >= 200 && a.status < 300;
  const what = [
    a.kind,
    a.username ? `user ${a.username}` : undefined,
    a.bytes !== undefined ? `${a.bytes} bytes` : undefined,
    a.reason,
    a.credentialsSent
      ? `carried ${a.credentialsSent} credentials, which a download needs none of`
      : undefined,
  ].filter(Boolean);
  const status = ok ? c.green(String(a.status)) : c.yellow(String(a.status));
  const line = `${c.dim(a.at.slice(11, 23))} #${a.seq} ${a.method} ${a.path} ${status} ${what.join('; ')}`;
  return `${a.credentialsSent ? c.yellow(line) : line}\n`;
}

export function renderApiMockSummary(summary: ApiMockSummary): string {
  return `api-mock stopped: ${count(summary.requests, 'request')}, ${count(summary.logins, 'login')} (${summary.loginsRefused} refused), ${count(summary.metadata, 'metadata call')}, ${count(summary.downloads, 'download')}, ${count(summary.expiredLinks, 'expired link')} used, ${count(summary.urlDocuments, 'url-only document')} served\n`;
}

/** --json: one NDJSON line per record: `listening` first, `request` per request, `summary` last. */
export function renderApiMockJson(
  record:
    | { record: 'listening'; start: ApiMockStart }
    | { record: 'request'; activity: ApiActivity }
    | { record: 'summary'; summary: ApiMockSummary },
): string {
  const body =
    record.record === 'listening'
      ? { record: record.record, ...record.start }
      : record.record === 'request'
        ? { record: record.record, ...record.activity }
        : { record: record.record, ...record.summary };
  return `${JSON.stringify(body)}\n`;
}
