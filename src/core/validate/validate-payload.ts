import type { Readable } from 'node:stream';
import type { PayloadInput } from './collect-inputs.js';
import { detectPayloadFormat } from './detect-format.js';
import { type PayloadResult, rejectedPayload } from './payload-result.js';
import { decodePayload, readPayloadBytes } from './read-payload.js';
import { validateJsonPayload, type PayloadCheckOptions } from './validate-json-payload.js';

/** Reads one payload (file or stdin), decides JSON or tXML, and validates it. */
export async function validatePayload(
  input: PayloadInput,
  stdin: Readable,
  options: PayloadCheckOptions,
): Promise<PayloadResult> {
  const decoded = decodePayload(await readPayloadBytes(input, stdin));
  if ('problem' in decoded) return rejectedPayload(input.file, null, { path: '', message: decoded.problem });
  if (detectPayloadFormat(decoded.text, input.file) === 'json') {
    return validateJsonPayload(input.file, decoded.text, options);
  }
  const { validateTxmlPayload } = await import('./validate-txml-payload.js');
  return validateTxmlPayload(input.file, decoded.text, options);
}
