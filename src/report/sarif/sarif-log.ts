import type { Log, Notification, ReportingDescriptor, Result, Run } from 'sarif';

/** The OASIS schema the log follows (SARIF 2.1.0 with its errata), as its `$schema` says. */
export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** Rules in the order results first use them; `ruleIndex` points into this list. */
export class RuleList {
  readonly rules: ReportingDescriptor[] = [];
  private readonly indexes = new Map<string, number>();

  constructor(private readonly describe: (id: string) => ReportingDescriptor) {}

  indexOf(id: string): number {
    let index = this.indexes.get(id);
    if (index === undefined) {
      index = this.rules.push(this.describe(id)) - 1;
      this.indexes.set(id, index);
    }
    return index;
  }
}

export interface SarifRunInput {
  version: string;
  rules: RuleList;
  results: Result[];
  /** False when the run was interrupted: the results cover only what was checked before. */
  complete: boolean;
  originalUriBaseIds?: Run['originalUriBaseIds'];
}

/** One run of tc-webhook as a SARIF 2.1.0 log. */
export function sarifLog(input: SarifRunInput): Log {
  const notifications: Notification[] = input.complete
    ? []
    : [{ level: 'warning', message: { text: 'interrupted: the results cover what was checked before' } }];
  const run: Run = {
    tool: {
      driver: {
        name: 'tc-webhook',
        version: input.version,
        semanticVersion: input.version,
        rules: input.rules.rules,
      },
    },
    ...(input.originalUriBaseIds ? { originalUriBaseIds: input.originalUriBaseIds } : {}),
    invocations: [
      {
        executionSuccessful: input.complete,
        ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
      },
    ],
    // Columns count UTF-16 code units, as JavaScript strings (and editors such as VS Code) do.
    columnKind: 'utf16CodeUnits',
    results: input.results,
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}
