import type { ListenEntry, ListenStart, ListenSummary } from '../core/listen/listen-types.js';
import { palette } from './palette.js';
import { renderIssue } from './validate-human.js';

type Paint = ReturnType<typeof palette>;

/** The renderer of request lines, with its colours decided once. */
export function listenEntryRenderer(options: { color: boolean }): (entry: ListenEntry) => string {
  const c = palette(options.color);
  return (entry) => renderListenEntry(entry, c);
}

/** One line per request (time, sequence, event, body, verdict, status, duration), then its errors as validate prints them. */
function renderListenEntry(entry: ListenEntry, c: Paint): string {
  const time = entry.receivedAt.slice(11, 23);
  const parts = [c.dim(time), `#${entry.seq}`];
  if (entry.auth && !entry.auth.ok) {
    parts.push(
      `${entry.method} ${entry.path}`,
      c.red(`auth failed (${entry.auth.scheme}: ${entry.auth.reason ?? ''})`),
    );
  } else if (entry.valid === undefined) {
    parts.push(`${entry.method} ${entry.path}`, c.yellow(entry.note ?? 'refused'));
  } else {
    parts.push(entry.eventName === undefined ? 'unknown event' : printable(entry.eventName));
    const what = [
      entry.type,
      entry.format === 'txml' ? 'tXML' : entry.format?.toUpperCase(),
      size(entry.bytes ?? 0),
    ];
    parts.push(c.dim(what.filter(Boolean).join(' ')));
    parts.push(entry.valid ? c.green('valid') : c.red('invalid'));
  }
  parts.push(statusText(entry.status, c), c.dim(`${entry.durationMs} ms`));
  if (entry.forwarded) {
    const answer = entry.forwarded.error
      ? `failed: ${entry.forwarded.error}`
      : String(entry.forwarded.status);
    const removed = entry.forwarded.credentialsRemoved ? ', credentials removed: plain http' : '';
    parts.push(c.dim(`(forwarded → ${answer}, ${entry.forwarded.durationMs} ms${removed})`));
  }
  if (entry.savedAs) parts.push(c.dim(`saved ${entry.savedAs}`));
  const lines = [parts.join(' ')];
  const label = `#${entry.seq}`;
  for (const issue of entry.errors ?? []) lines.push(renderIssue(c.red('✗'), issue, label, c));
  if (entry.moreErrors) lines.push(`  ${c.red(`… and ${entry.moreErrors} more`)}`);
  for (const issue of entry.warnings ?? []) lines.push(renderIssue(c.yellow('!'), issue, label, c));
  return `${lines.join('\n')}\n`;
}

export function renderListenStart(start: ListenStart): string {
  const warnings = start.warnings.map((w) => `warning: ${w}\n`).join('');
  return `${warnings}listening on ${start.url} (auth ${start.auth}; ${start.policy}); stop with Ctrl-C\n`;
}

export function renderListenSummary(s: ListenSummary): string {
  const events = Object.entries(s.events)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, n]) => `  ${name}: ${n}\n`)
    .join('');
  const head =
    `stopped: ${s.requests} request${s.requests === 1 ? '' : 's'}; ${s.deliveries} deliver${s.deliveries === 1 ? 'y' : 'ies'}, ` +
    `${s.valid} valid, ${s.invalid} invalid; ${s.authFailures} auth failure${s.authFailures === 1 ? '' : 's'}; ${s.refused} refused (405, 408, 413)\n`;
  return head + events;
}

/** Text from the sender, kept from moving the cursor or colouring the terminal. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 120)}…` : clean;
}

function statusText(status: number, c: Paint): string {
  const text = `→ ${status}`;
  return status >= 200 && status < 300 ? c.green(text) : status >= 500 ? c.red(text) : c.yellow(text);
}

function size(bytes: number): string {
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KiB`
      : `${(bytes / 1048576).toFixed(1)} MiB`;
}
