import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { InputError } from '../../../errors.js';
import { describeFsError } from '../../files/describe-fs-error.js';
import { listPayloadFiles } from '../../input/list-payload-files.js';
import { checkFileSize, DEFAULT_MAX_INPUT_BYTES, readFileBounded } from '../../input/read-bounded.js';
import { detectPayloadFormat } from '../../validate/detect-format.js';
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
      throw new InputError(`cannot read --file ${path}: ${describeFsError(error)}`, 'Check the path');
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
      throw new InputError(`cannot read --file ${name}: ${describeFsError(error)}`, 'Check the path');
    }
    const text = bytes.toString('utf8');
    // As validate decides: the content first, the extension breaks ties.
    const isXml = detectPayloadFormat(text, full) === 'txml';
    const parsed = isXml ? await parseXmlBody(text) : parseJsonBody(text);
    const identity = parsed.ok ? identifyPayload(parsed.value) : undefined;
    if (!parsed.ok)
      warnings.push(`${name} is not valid ${isXml ? 'XML' : 'JSON'} (${parsed.reason}); sending it anyway`);
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

function parseJsonBody(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The root element's children stand for the JSON body's members (docs/webhook-payloads.md §5.2). */
async function parseXmlBody(text: string): Promise<Parsed> {
  const { XMLParser, XMLValidator } = await import('fast-xml-parser');
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, reason: `line ${valid.err.line}: ${valid.err.msg}` };
  const document = new XMLParser({ ignoreDeclaration: true, ignorePiTags: true, parseTagValue: false }).parse(
    text,
  ) as Record<string, unknown>;
  const root = Object.values(document)[0];
  return { ok: true, value: root };
}
