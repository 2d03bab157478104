import { isAscii, isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';
import { InputError } from '../../errors.js';
import { readFileBounded, readStreamBounded } from '../input/read-bounded.js';
import type { PayloadInput } from './collect-inputs.js';
import { describeFsError, fsErrorCode } from '../files/describe-fs-error.js';

/** The payload as text, or why it cannot be a payload (which makes the file invalid, not unreadable). */
export type DecodedPayload =
  { text: string } | { problem: string; keyword: 'empty-payload' | 'text-encoding' };

/**
 * The bytes of one input, at most `maxBytes` of them (over it: InputError, the run stops). `stdin`
 * is called only for the input `-`: most runs never open standard input.
 */
export async function readPayloadBytes(
  input: PayloadInput,
  stdin: () => Readable,
  maxBytes: number,
): Promise<Buffer> {
  if (input.source === 'stdin') return readStreamBounded(stdin(), 'standard input', maxBytes);
  try {
    return await readFileBounded(input.path, input.file, maxBytes, input.regular);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${input.file}: ${describeFsError(error)}`, 'Check the path', {
      code: fsErrorCode(error),
    });
  }
}

/** UTF-8 text with an optional BOM; anything else is reported in words, never shown as garbage. */
export function decodePayload(bytes: Buffer): DecodedPayload {
  if (bytes.length === 0)
    return { problem: 'the file is empty; expected a JSON or tXML webhook body', keyword: 'empty-payload' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      problem: 'the file is UTF-16 encoded; webhook bodies are UTF-8 (save it as UTF-8)',
      keyword: 'text-encoding',
    };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      problem: `binary content (a NUL byte at offset ${nul}); expected a JSON or tXML webhook body`,
      keyword: 'text-encoding',
    };
  }
  let body: string;
  // Most bodies are ASCII: checked with SIMD and copied as one-byte text, several times faster than
  // a UTF-8 decode (listen does this for every delivery).
  if (isAscii(bytes)) body = bytes.toString('latin1');
  else if (!isUtf8(bytes)) {
    return {
      problem: 'the file is not valid UTF-8 text (binary or another encoding); webhook bodies are UTF-8',
      keyword: 'text-encoding',
    };
  } else {
    body = bytes.toString('utf8');
    if (body.charCodeAt(0) === 0xfeff) body = body.slice(1); // a leading BOM is dropped
  }
  if (!/\S/.test(body))
    return {
      problem: 'the file is empty (only whitespace); expected a JSON or tXML webhook body',
      keyword: 'empty-payload',
    };
  return { text: body };
}
