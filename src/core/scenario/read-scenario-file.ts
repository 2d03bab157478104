import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { describeFsError } from '../files/describe-fs-error.js';
import { checkScenarioFile } from './check-scenario-file.js';
import type { ScenarioDefinition } from './scenario-types.js';

/** Scenario files are small; a larger one is not a scenario. */
const MAX_BYTES = 1024 * 1024;

/** Reads a scenario file, JSON or YAML (decided by the extension; YAML otherwise, which reads JSON too). */
export async function readScenarioFile(file: string, cwd: string): Promise<ScenarioDefinition> {
  let text: string;
  try {
    const bytes = await readFile(resolve(cwd, file));
    if (bytes.length > MAX_BYTES) {
      throw new InputError(
        `scenario ${file} is larger than 1 MiB`,
        'A scenario file lists steps, not payloads',
      );
    }
    text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read the scenario ${file}: ${describeFsError(error)}`, 'Check the path');
  }
  let raw: unknown;
  if (file.toLowerCase().endsWith('.json')) {
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new InputError(`scenario ${file} is not JSON (${(error as Error).message})`, 'Fix the file');
    }
  } else {
    const { parseDocument } = await import('yaml');
    const doc = parseDocument(text, { prettyErrors: false });
    const problem = doc.errors[0];
    if (problem) {
      const at = problem.linePos?.[0] ? ` at line ${problem.linePos[0].line}` : '';
      throw new InputError(
        `scenario ${file} is not YAML${at}: ${problem.message.split('\n')[0]}`,
        'Fix the file',
      );
    }
    raw = doc.toJS({ maxAliasCount: 100 });
  }
  return checkScenarioFile(raw, file);
}
