import { pathToFileURL } from 'node:url';
import type { Location, ReportingDescriptor, Result } from 'sarif';
import type { PayloadIssue, PayloadResult, ValidateReport } from '../validate-report.js';
import { workspacePath, type Workspace } from '../github/workspace-path.js';
import { RuleList, sarifLog } from './sarif-log.js';

/** What each keyword checks, for rules a SARIF viewer lists (docs/schema-policy.md, Finding keywords). */
const KEYWORDS: Record<string, string> = {
  required: 'A required field is present',
  type: 'A value has the type the schema gives it',
  format: 'A date, date-time or other formatted string is well formed',
  enum: 'A value is one of the documented values',
  const: 'A value is the one the schema fixes',
  pattern: 'A string matches the pattern the schema gives',
  additionalProperties: 'Only fields the schema defines (--strict)',
  unevaluatedProperties: 'Only fields the schema defines (--strict)',
  oneOf: 'Exactly one of the alternatives matches (one event object per body)',
  anyOf: 'One of the alternatives matches',
  'retired-body-field': 'No retired body field (simpleOrderEvent)',
  'retired-event-name': 'No retired event name',
  'event-name-body-mismatch': "The eventName belongs to the body's event object",
  'relative-document-url': 'A document url is an absolute URL',
  'shipment-in-txml': 'A shipment body is JSON (Tradecloud sends no shipment in tXML)',
  'txml-root-element': 'The tXML root element is the one Tradecloud sends',
  'malformed-json': 'The body is well-formed JSON',
  'malformed-xml': 'The body is well-formed XML',
  'unsafe-xml': 'The XML declares no DOCTYPE or entities',
  'nesting-depth': 'The body nests at most 512 levels deep',
  'unknown-body': 'The body is an order or a shipment webhook body',
  'empty-payload': 'The file holds a body',
  'text-encoding': 'The body is UTF-8 text',
};

function describeKeyword(id: string): ReportingDescriptor {
  return {
    id,
    name: id,
    shortDescription: { text: KEYWORDS[id] ?? `The JSON Schema keyword "${id}" holds` },
  };
}

/**
 * validate's findings as SARIF: one rule per schema keyword or policy rule, one result per listed
 * finding. A JSON finding has its region (line and column); a tXML finding names its element as a
 * logical location. Files in the workspace are relative to it (uriBaseId WORKSPACE).
 */
export function validateSarif(report: ValidateReport, where: Workspace, version: string) {
  const rules = new RuleList(describeKeyword);
  const results: Result[] = [];
  for (const file of report.files) {
    for (const issue of file.errors) results.push(result(file, issue, 'error', rules, where));
    for (const issue of file.warnings) results.push(result(file, issue, 'warning', rules, where));
  }
  return sarifLog({
    version,
    rules,
    results,
    complete: report.interrupted !== true,
    originalUriBaseIds: { WORKSPACE: { uri: directoryUri(where.root) } },
  });
}

function result(
  file: PayloadResult,
  issue: PayloadIssue,
  level: 'error' | 'warning',
  rules: RuleList,
  where: Workspace,
): Result {
  const field = issue.path === '' ? '(body)' : issue.path;
  const element = issue.element !== undefined ? ` (element ${issue.element})` : '';
  const location = locationOf(file, issue, where);
  return {
    ruleId: issue.keyword,
    ruleIndex: rules.indexOf(issue.keyword),
    level,
    message: { text: `${location ? '' : `${file.file}: `}${field}: ${issue.message}${element}` },
    ...(location ? { locations: [location] } : {}),
  };
}

function locationOf(file: PayloadResult, issue: PayloadIssue, where: Workspace): Location | undefined {
  const located = workspacePath(file.file, where);
  if (!located) return undefined;
  const artifactLocation = located.relative
    ? { uri: encodeURI(located.path), uriBaseId: 'WORKSPACE' }
    : { uri: pathToFileURL(located.path).href };
  const region =
    issue.line !== undefined ? { startLine: issue.line, startColumn: issue.column ?? 1 } : undefined;
  return {
    physicalLocation: { artifactLocation, ...(region ? { region } : {}) },
    ...(issue.element !== undefined
      ? { logicalLocations: [{ fullyQualifiedName: issue.element, kind: 'element' }] }
      : {}),
  };
}

/** A folder as a URI ending in `/`, so relative URIs resolve inside it. */
function directoryUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}
