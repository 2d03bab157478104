import type { SkippedInput } from '../core/validate/collect-inputs.js';
import type { PayloadResult } from '../core/validate/payload-result.js';
import type { SchemaUse } from '../core/validate/provide-validators.js';

export type { PayloadIssue, PayloadResult } from '../core/validate/payload-result.js';

/** The contract's JSON result for `validate` (docs/cli-contract.md). */
export interface ValidateReport {
  ok: boolean;
  files: PayloadResult[];
  summary: { files: number; valid: number; invalid: number; warnings: number };
  /** The schema used per webhook type: bundled, or the --spec operation that was picked. */
  schemas: SchemaUse[];
  /** Ctrl-C stopped the run: `files` and the summary cover the files checked before it (exit 130). */
  interrupted?: true;
  /** --only-failed: `files` lists only files with an error or a warning; the summary counts every file. */
  onlyFailed?: true;
  /** Entries of the given directories that are not regular files, left out with a warning. */
  skipped: SkippedInput[];
}
