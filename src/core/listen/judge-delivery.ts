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
      result: rejectedPayload(label, null, { path: '', message: problem }),
      format: hinted,
      eventName: undefined,
    };
  }
  const format = detectPayloadFormat(decoded.text, hinted === 'txml' ? 'body.xml' : 'body.json');
  if (format === 'json') {
    const result = await validateJsonPayload(label, decoded.text, check);
    return { result, format, eventName: jsonEventName(decoded.text) };
  }
  const { validateTxmlPayload } = await import('../validate/validate-txml-payload.js');
  const result = await validateTxmlPayload(label, decoded.text, check);
  return { result, format, eventName: xmlEventName(decoded.text) };
}

function jsonEventName(text: string): string | undefined {
  try {
    const value = JSON.parse(text) as { eventName?: unknown } | null;
    return typeof value?.eventName === 'string' ? value.eventName : undefined;
  } catch {
    return undefined;
  }
}

/** The first <eventName> element (a child of the root in a webhook body). */
function xmlEventName(text: string): string | undefined {
  return /<eventName>\s*([^<]{1,200}?)\s*<\/eventName>/.exec(text)?.[1];
}
