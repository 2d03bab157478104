import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { describeFsError, fsErrorCode } from '../files/describe-fs-error.js';
import { listPayloadFiles } from '../input/list-payload-files.js';
import { checkFileSize, DEFAULT_MAX_INPUT_BYTES, readFileBounded } from '../input/read-bounded.js';
import { detectPayloadFormat } from '../validate/detect-format.js';
import { identifyPayload, type PayloadRequest } from './payload-request.js';

export interface ReplaySet {
  requests: PayloadRequest[];
  /** Files sent although they are not recognisable Tradecloud payloads. */
  warnings: string[];
}

/**
 * Expands files and directories: a directory is walked as `validate` walks it (every .json / .xml
 * below it, recursively, the same files in the same order), with a warning for each entry that is
 * not a regular file; a path named directly is read as it is, up to the size limit.
 */
async function expandPaths(
  paths: string[],
  cwd: string,
  maxBytes: number,
  warnings: string[],
): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const full = resolve(cwd, path);
    let info;
    try {
      info = await stat(full);
    } catch (error) {
      throw new InputError(`cannot read --file ${path}: ${describeFsError(error)}`, 'Check the path', {
        code: fsErrorCode(error),
      });
    }
    if (!info.isDirectory()) {
      checkFileSize(`--file ${path}`, info, maxBytes);
      files.push(full);
      continue;
    }
    const listed = listPayloadFiles(path, full, maxBytes);
    for (const { file, reason } of listed.skipped) warnings.push(`skipped ${file}: ${reason}`);
    files.push(...listed.files.map((found) => found.path));
  }
  return files;
}

/** Stored payloads are sent byte for byte; one that is not a Tradecloud payload is still sent, with a warning. */
export async function loadReplayFiles(
  paths: string[],
  cwd: string,
  maxBytes = DEFAULT_MAX_INPUT_BYTES,
): Promise<ReplaySet> {
  const requests: PayloadRequest[] = [];
  const warnings: string[] = [];
  for (const full of await expandPaths(paths, cwd, maxBytes, warnings)) {
    const near = relative(cwd, full);
    const name = near && !near.startsWith('..') ? near : full;
    let bytes: Buffer;
    try {
      bytes = await readFileBounded(full, `--file ${name}`, maxBytes);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(`cannot read --file ${name}: ${describeFsError(error)}`, 'Check the path', {
        code: fsErrorCode(error),
      });
    }
    const text = bytes.toString('utf8');
    // As validate decides: the content first, the extension breaks ties.
    const isXml = detectPayloadFormat(text, full) === 'txml';
    const parsed = isXml ? await parseXmlBody(text) : await parseJsonBody(text);
    const identity = parsed.ok ? identifyPayload(parsed.value) : undefined;
    if (!parsed.ok) warnings.push(`${name}: ${parsed.reason}; sending it anyway`);
    else if (!identity) {
      warnings.push(
        `${name} is not a Tradecloud payload (no eventName with orderEvent, singleDeliveryOrderEvent, orderDocumentsEvent or shipment); sending it anyway`,
      );
    }
    requests.push({
      event: identity?.event ?? '(unknown)',
      type: identity?.type ?? null,
      format: isXml ? 'txml' : 'json',
      contentType: isXml ? 'application/xml' : 'application/json',
      body: bytes,
      file: name,
    });
  }
  return { requests, warnings };
}

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

/** Read as validate reads JSON, so a broken file is described in the same words, with its position. */
async function parseJsonBody(text: string): Promise<Parsed> {
  const { parseJsonPayload } = await import('../validate/parse-json-payload.js');
  const parsed = parseJsonPayload(text.replace(/^\uFEFF/, ''));
  if ('value' in parsed) return { ok: true, value: parsed.value };
  return { ok: false, reason: withPosition(parsed.syntax) };
}

/**
 * Read as validate reads tXML (the same strict parser, the same words for what is wrong); the root
 * element's children stand for the JSON body's members (docs/webhook-payloads.md §5.2).
 */
async function parseXmlBody(text: string): Promise<Parsed> {
  const { readTxml, TxmlError } = await import('../txml/from-txml.js');
  const { describeTxmlProblem } = await import('../validate/txml-problem.js');
  try {
    const root = readTxml(text);
    const members: Record<string, unknown> = {};
    for (const node of typeof root.children === 'string' ? [] : root.children) {
      if (typeof node !== 'string')
        members[node.name] = typeof node.children === 'string' ? node.children : {};
    }
    return { ok: true, value: members };
  } catch (error) {
    if (!(error instanceof TxmlError)) throw error;
    return { ok: false, reason: withPosition(describeTxmlProblem(error)) };
  }
}

function withPosition(problem: { message: string; line?: number; column?: number }): string {
  if (problem.line === undefined) return problem.message;
  return `${problem.message} at line ${problem.line}, column ${problem.column ?? 1}`;
}
