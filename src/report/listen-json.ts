import type { ListenEntry, ListenStart, ListenSummary } from '../core/listen/listen-types.js';

/**
 * listen --json's NDJSON stream: a `listening` record first, a `delivery` record per request, a
 * `summary` record last, each line saying which it is in `record`.
 */
export function renderListeningJson(start: ListenStart): string {
  return `${JSON.stringify({ record: 'listening', url: start.url, auth: start.auth, policy: start.policy, warnings: start.warnings })}\n`;
}

export function renderListenSummaryJson(summary: ListenSummary): string {
  return `${JSON.stringify({ record: 'summary', ...summary })}\n`;
}

/** One line per request, fields in the documented order; those that do not apply are absent. */
export function renderListenJson(entry: ListenEntry): string {
  const ordered = {
    record: 'delivery',
    seq: entry.seq,
    receivedAt: entry.receivedAt,
    method: entry.method,
    path: entry.path,
    auth: entry.auth,
    eventName: entry.eventName,
    type: entry.type,
    format: entry.format,
    bytes: entry.bytes,
    valid: entry.valid,
    errors: entry.errors,
    moreErrors: entry.moreErrors,
    warnings: entry.warnings,
    status: entry.status,
    note: entry.note,
    forwarded: entry.forwarded,
    savedAs: entry.savedAs,
    durationMs: entry.durationMs,
  };
  // JSON.stringify leaves out the undefined ones.
  return `${JSON.stringify(ordered)}\n`;
}
