import type { BodyKind, JsonSchema } from '../schema/body-schema-types.js';
import type { SchemaIssue } from '../schema/describe-ajv-error.js';
import { detectBodyKind } from './detect-body-kind.js';
import { describeTxmlProblem } from './txml-problem.js';
import { findDeepXmlNesting } from './find-deep-nesting.js';
import { lineColumnAt } from '../text/line-column.js';
import { finishPayload, rejectedPayload, type PayloadResult } from './payload-result.js';
import { MAX_NESTING, type PayloadCheckOptions } from './validate-json-payload.js';

/**
 * tXML is converted to the JSON shape, driven by the schema (repeated `<line>` → `lines[]`,
 * numbers and booleans typed), then validated like JSON; issues name the element path.
 */
export async function validateTxmlPayload(
  file: string,
  text: string,
  options: PayloadCheckOptions,
): Promise<PayloadResult> {
  const deep = findDeepXmlNesting(text, MAX_NESTING);
  if (deep !== -1) {
    const message = `elements nested deeper than ${MAX_NESTING} levels; a webhook body is never this deep`;
    return rejectedPayload(file, 'txml', {
      path: '',
      keyword: 'nesting-depth',
      message,
      ...lineColumnAt(text, deep),
    });
  }
  const { readTxml, convertTxml, txmlTopLevel, TxmlError } = await import('../txml/from-txml.js');
  // Parsed once; converted once, with the schema of the webhook it turns out to be.
  let document: ReturnType<typeof readTxml>;
  try {
    document = readTxml(text);
  } catch (error) {
    if (!(error instanceof TxmlError)) throw error;
    return rejectedPayload(
      file,
      'txml',
      { path: '', keyword: error.unsafe ? 'unsafe-xml' : 'malformed-xml', ...describeTxmlProblem(error) },
      options.type === 'auto' ? undefined : options.type,
    );
  }

  let kind: BodyKind;
  if (options.type === 'auto') {
    const detected = detectBodyKind(txmlTopLevel(document));
    if ('problem' in detected) {
      const message = detected.problem.replace('top-level fields', `child elements of <${document.name}>`);
      return rejectedPayload(file, 'txml', {
        path: '',
        keyword: 'unknown-body',
        message,
        element: `/${document.name}`,
      });
    }
    kind = detected.kind;
  } else {
    kind = options.type;
  }
  const validator = await options.validatorFor(kind);
  const converted = convertTxml(document, validator.body.schema);
  const found = await validator.validate(converted.value);
  const rootWarning = checkRootName(converted.rootName, validator.body.schema);
  const warnings = rootWarning ? [rootWarning, ...found.warnings] : found.warnings;
  const errors = [...found.errors];
  // Tradecloud offers tXML for the order webhook only (docs/webhook-payloads.md §5.6).
  if (kind === 'shipment') (validator.strict ? errors : warnings).unshift(SHIPMENT_IN_TXML);
  return finishPayload(
    { file, type: kind, format: 'txml' },
    { errors, warnings },
    options.maxErrors,
    (anchors) => {
      const located = new Map<string, { element: string }>();
      for (const anchor of anchors) located.set(anchor, { element: converted.elementPath(anchor) });
      return located;
    },
  );
}

const SHIPMENT_IN_TXML: SchemaIssue = {
  path: '',
  anchor: '',
  keyword: 'shipment-in-txml',
  message: 'a shipment body in tXML: Tradecloud sends shipment webhooks as JSON only',
};

function checkRootName(rootName: string, schema: JsonSchema): SchemaIssue | undefined {
  const xml = schema.xml as { name?: unknown } | undefined;
  const expected = typeof xml?.name === 'string' ? xml.name : undefined;
  if (!expected || expected === rootName) return undefined;
  return {
    path: '',
    anchor: '',
    keyword: 'txml-root-element',
    message: `the root element is <${rootName}>; Tradecloud sends <${expected}>`,
  };
}
