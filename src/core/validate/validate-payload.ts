import type { Readable } from 'node:stream';
import type { PayloadInput } from './collect-inputs.js';
import { detectPayloadFormat } from './detect-format.js';
import { type PayloadResult, rejectedPayload } from './payload-result.js';
import { decodePayload, readPayloadBytes } from './read-payload.js';
import { validateJsonPayload, type PayloadCheckOptions } from './validate-json-payload.js';

export interface ValidatePayloadOptions extends PayloadCheckOptions {
  /** Size limit of one input, in bytes. */
  maxBytes: number;
}

/** Reads one payload (file or stdin, asked for only when the input is `-`), decides JSON or tXML, and validates it. */
export async function validatePayload(
  input: PayloadInput,
  stdin: () => Readable,
  options: ValidatePayloadOptions,
): Promise<PayloadResult> {
  const decoded = decodePayload(await readPayloadBytes(input, stdin, options.maxBytes));
  if ('problem' in decoded)
    return rejectedPayload(input.file, null, {
      path: '',
      keyword: decoded.keyword,
      message: decoded.problem,
    });
  if (detectPayloadFormat(decoded.text, input.file) === 'json') {
    return validateJsonPayload(input.file, decoded.text, options);
  }
  const { validateTxmlPayload } = await import('./validate-txml-payload.js');
  return validateTxmlPayload(input.file, decoded.text, options);
}
