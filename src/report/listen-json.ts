import type { ListenEntry } from '../core/listen/listen-types.js';

/** One NDJSON line per request, fields in the documented order; those that do not apply are absent. */
export function renderListenJson(entry: ListenEntry): string {
  const ordered = {
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
