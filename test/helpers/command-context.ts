import { PassThrough, type Readable } from 'node:stream';
import { createCommandDeps } from '../../src/cli/create-command-deps.js';
import type { CommandDeps } from '../../src/commands/command-deps.js';
import type { CommandContext } from '../../src/commands/context.js';
import { join } from 'node:path';
import { ROOT, TEST_TMPDIR } from './run-cli.js';

/**
 * A CommandContext for calling a command directly: the real outside world (createCommandDeps) with
 * the parts a test replaces (and a schema cache folder of the test file's own), quiet streams, JSON mode and the repository as cwd.
 */
export function testContext(
  overrides: Partial<Omit<CommandContext, 'deps'>> & { deps?: Partial<CommandDeps>; stdin?: Readable } = {},
): CommandContext {
  const { deps, ...rest } = overrides;
  return {
    stdin: new PassThrough(),
    stdinIsTTY: false,
    stderr: new PassThrough(),
    stderrIsTTY: false,
    json: true,
    color: false,
    cwd: ROOT,
    warn: () => undefined,
    ...rest,
    deps: { ...createCommandDeps(), cacheDir: join(TEST_TMPDIR, 'cache'), ...deps },
  };
}
