import type { BodyKind } from '../schema/body-schema-types.js';
import type { BodyValidator } from '../schema/create-body-validator.js';
import { detectBodyKind } from './detect-body-kind.js';
import { findDeepJsonNesting, nestsDeeperThan, opensAtMost } from './find-deep-nesting.js';
import { locateJsonPointers } from './locate-json-pointers.js';
import { lineColumnAt } from '../text/line-column.js';
import { parseJsonPayload } from './parse-json-payload.js';
import { finishPayload, rejectedPayload, type PayloadResult } from './payload-result.js';

export interface PayloadCheckOptions {
  type: 'auto' | BodyKind;
  maxErrors: number;
  /** Loads and compiles the schema for a kind on first use. */
  validatorFor(kind: BodyKind): Promise<BodyValidator>;
}

/** Deeper than any webhook body; shallow enough for recursive code to stay far from the stack limit. */
export const MAX_NESTING = 512;

export async function validateJsonPayload(
  file: string,
  text: string,
  options: PayloadCheckOptions,
): Promise<PayloadResult> {
  const parsed = parseJsonPayload(text);
  if ('syntax' in parsed)
    return rejectedPayload(file, 'json', { path: '', keyword: 'malformed-json', ...parsed.syntax });
  if (!opensAtMost(text, MAX_NESTING) && nestsDeeperThan(parsed.value, MAX_NESTING)) {
    const message = `nested deeper than ${MAX_NESTING} levels; a webhook body is never this deep`;
    const at = lineColumnAt(text, Math.max(0, findDeepJsonNesting(text, MAX_NESTING)));
    return rejectedPayload(file, 'json', { path: '', keyword: 'nesting-depth', message, ...at });
  }
  const detected = options.type === 'auto' ? detectBodyKind(parsed.value) : { kind: options.type };
  if ('problem' in detected) {
    const at = locateJsonPointers(text, ['']).get('');
    return rejectedPayload(file, 'json', {
      path: '',
      keyword: 'unknown-body',
      message: detected.problem,
      ...at,
    });
  }
  const validator = await options.validatorFor(detected.kind);
  const found = await validator.validate(parsed.value);
  return finishPayload({ file, type: detected.kind, format: 'json' }, found, options.maxErrors, (anchors) =>
    locateJsonPointers(text, anchors),
  );
}
