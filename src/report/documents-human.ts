import type { DocumentReport, DocumentsResult } from '../core/documents/documents-result.js';
import type { Palette } from './palette.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The documents part of a sending command's human report: one line per document, then its steps. */
export function renderDocuments(result: DocumentsResult, c: Palette): string[] {
  const { documentsApi: api, documents, documentsSummary: summary } = result;
  const lines = [
    '',
    c.bold('Documents') +
      c.dim(`  (document API mock at ${api.apiBase}, links valid ${api.linkTtlSeconds} s)`),
  ];
  if (documents.length === 0) lines.push(c.dim('  no body of this run carried a document'));
  for (const doc of documents) lines.push(...renderDocument(doc, c));
  const verdict = `${summary.fetched} of ${summary.documents} document${summary.documents === 1 ? '' : 's'} fetched`;
  if (documents.length > 0) lines.push(summary.warnings === 0 ? c.green(verdict) : c.yellow(verdict));
  return lines;
}

function renderDocument(doc: DocumentReport, c: Palette): string[] {
  const warn = !doc.ok || doc.expiredLinkUsed || doc.credentialsSentToDownload !== undefined;
  const mark = warn ? c.yellow('⚠') : c.green('✔');
  const where = doc.storage === 'object' ? `objectId ${doc.objectId ?? ''}` : `url only: ${doc.url ?? ''}`;
  const lines = [`${mark} ${doc.filename} ${c.dim(`(${doc.event}; ${where})`)}`];
  const steps = [
    doc.loggedIn ? `logged in ${doc.loggedIn.at} (+${seconds(doc.loggedIn.afterDeliveryMs)})` : undefined,
    doc.metadata
      ? `metadata ${doc.metadata.status} ${doc.metadata.at} (+${seconds(doc.metadata.afterDeliveryMs)}): ${doc.metadata.answer.filename}, ${doc.metadata.answer.contentType}`
      : undefined,
  ].filter((s): s is string => s !== undefined);
  for (const step of steps) lines.push(c.dim(`    ${step}`));
  lines.push(`    ${warn ? c.yellow(doc.message) : doc.message}`);
  return lines;
}
