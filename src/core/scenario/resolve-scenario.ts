import { UsageError } from '../../errors.js';
import { closestEventNames } from '../payload/events.js';
import { BUILTIN_SCENARIOS, findBuiltinScenario } from './builtin-scenarios.js';
import type { ScenarioDefinition } from './scenario-types.js';

const FILE_NAME = /\.(json|ya?ml)$/i;

/** A built-in scenario by name, or a scenario file (a path, or a name ending in .json/.yaml/.yml). */
export async function resolveScenario(nameOrFile: string, cwd: string): Promise<ScenarioDefinition> {
  const builtin = findBuiltinScenario(nameOrFile);
  if (builtin) return builtin;
  if (FILE_NAME.test(nameOrFile) || /[/\\]/.test(nameOrFile)) {
    const { readScenarioFile } = await import('./read-scenario-file.js');
    return readScenarioFile(nameOrFile, cwd);
  }
  const names = BUILTIN_SCENARIOS.map((s) => s.name);
  throw new UsageError(
    `unknown scenario "${nameOrFile}" (closest: ${closestEventNames(nameOrFile, names).join(', ')})`,
    'Run tc-webhook scenario --list for the built-in scenarios, or give a .json/.yaml scenario file',
  );
}
