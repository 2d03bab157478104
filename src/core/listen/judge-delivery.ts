import { detectPayloadFormat, type PayloadFormat } from '../validate/detect-format.js';
import { type PayloadResult, rejectedPayload } from '../validate/payload-result.js';
import { decodePayload } from '../validate/read-payload.js';
import { type PayloadCheckOptions, validateJsonPayload } from '../validate/validate-json-payload.js';

export interface JudgedDelivery {
  result: PayloadResult;
  /** The format the body was read as (also for a body that could not be decoded). */
  format: PayloadFormat;
  eventName: string | undefined;
}

/**
 * Validates one received body with validate's engine and policy: UTF-8 only, JSON or tXML decided
 * by the content (Content-Type breaks ties), tXML with validate's safety rules (no DOCTYPE or
 * entities, bounded nesting).
 */
export async function judgeDelivery(
  label: string,
  body: Buffer,
  contentType: string | undefined,
  check: PayloadCheckOptions,
): Promise<JudgedDelivery> {
  const hinted = /xml/i.test(contentType ?? '') ? 'txml' : 'json';
  const decoded = decodePayload(body);
  if ('problem' in decoded) {
    const problem = decoded.problem.replace('the file', 'the body');
    return {
      result: rejectedPayload(label, null, { path: '', keyword: decoded.keyword, message: problem }),
      format: hinted,
      eventName: undefined,
    };
  }
  const format = detectPayloadFormat(decoded.text, hinted === 'txml' ? 'body.xml' : 'body.json');
  // The event name is read from the value the validator is given (tXML already converted), so the
  // body is parsed once; a body that never gets that far is searched for it instead.
  let validated: unknown;
  const capturing: PayloadCheckOptions = {
    ...check,
    validatorFor: async (kind) => {
      const validator = await check.validatorFor(kind);
      return {
        ...validator,
        validate: (data) => {
          validated = data;
          return validator.validate(data);
        },
      };
    },
  };
  const result =
    format === 'json'
      ? await validateJsonPayload(label, decoded.text, capturing)
      : await (
          await import('../validate/validate-txml-payload.js')
        ).validateTxmlPayload(label, decoded.text, capturing);
  const eventName = validated === undefined ? searchEventName(decoded.text, format) : eventNameOf(validated);
  return { result, format, eventName };
}

function eventNameOf(value: unknown): string | undefined {
  const name = (value as { eventName?: unknown } | null)?.eventName;
  return typeof name === 'string' ? name : undefined;
}

/** The first eventName field or element of a body that could not be parsed. */
function searchEventName(text: string, format: PayloadFormat): string | undefined {
  const pattern =
    format === 'json'
      ? /"eventName"\s*:\s*"([^"\\]{1,200})"/
      : /<eventName>\s*([^<]{1,200}?)\s*<\/eventName>/;
  return pattern.exec(text)?.[1];
}
