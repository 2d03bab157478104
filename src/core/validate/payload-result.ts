import type { BodyKind } from '../schema/body-schema-types.js';
import type { SchemaIssue } from '../schema/describe-ajv-error.js';
import type { PayloadFormat } from './detect-format.js';

export interface PayloadIssue {
  /** JSON pointer in the JSON shape of the body (tXML is converted to it first). */
  path: string;
  /** The schema keyword or policy rule that was broken (docs/schema-policy.md, Finding keywords). */
  keyword: string;
  message: string;
  /** 1-based, for JSON input (and for tXML syntax errors). */
  line?: number;
  column?: number;
  /** For tXML input: the element path, e.g. /WebhookBody/orderEvent/line[1]/buyerLine/position. */
  element?: string;
}

export interface PayloadResult {
  file: string;
  type: BodyKind | null;
  format: PayloadFormat | null;
  valid: boolean;
  errors: PayloadIssue[];
  warnings: PayloadIssue[];
  /** Errors beyond --max-errors, counted but not listed. */
  moreErrors?: number;
  moreWarnings?: number;
}

export type IssueLocator = (
  anchors: string[],
) => Map<string, Omit<PayloadIssue, 'path' | 'keyword' | 'message'>>;

/** A result with a single problem that stops the file from being checked further. */
export function rejectedPayload(
  file: string,
  format: PayloadFormat | null,
  issue: PayloadIssue,
  type: BodyKind | null = null,
): PayloadResult {
  return { file, type, format, valid: false, errors: [issue], warnings: [] };
}

/** Caps errors and warnings at maxErrors each and locates only those that are listed. */
export function finishPayload(
  base: { file: string; type: BodyKind; format: PayloadFormat },
  found: { errors: SchemaIssue[]; warnings: SchemaIssue[] },
  maxErrors: number,
  locate: IssueLocator,
): PayloadResult {
  const errors = found.errors.slice(0, maxErrors);
  const warnings = found.warnings.slice(0, maxErrors);
  const positions =
    errors.length + warnings.length > 0
      ? locate([...errors, ...warnings].map((i) => i.anchor))
      : new Map<string, Omit<PayloadIssue, 'path' | 'keyword' | 'message'>>();
  const place = (i: SchemaIssue): PayloadIssue => ({
    path: i.path,
    keyword: i.keyword,
    message: i.message,
    ...positions.get(i.anchor),
  });
  const result: PayloadResult = {
    ...base,
    valid: found.errors.length === 0,
    errors: errors.map(place),
    warnings: warnings.map(place),
  };
  if (found.errors.length > maxErrors) result.moreErrors = found.errors.length - maxErrors;
  if (found.warnings.length > maxErrors) result.moreWarnings = found.warnings.length - maxErrors;
  return result;
}
