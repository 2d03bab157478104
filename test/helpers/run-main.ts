import { PassThrough } from 'node:stream';
import { main } from '../../src/cli.js';
import { PROXY_VARIABLES, ROOT } from './run-cli.js';

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `main(argv, io)` in this process (no spawn): NO_COLOR, no proxy variables, stdin not a
 * terminal. `env` adds to or (with undefined) removes from the test process's environment.
 */
export async function runMain(
  args: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string } = {},
): Promise<MainRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  for (const k of PROXY_VARIABLES) delete env[k];
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  let stdout = '';
  let stderr = '';
  const out = new PassThrough().setEncoding('utf8');
  const err = new PassThrough().setEncoding('utf8');
  out.on('data', (d: string) => (stdout += d));
  err.on('data', (d: string) => (stderr += d));
  const stdin = new PassThrough();
  stdin.end();
  const code = await main(['node', 'tc-webhook', ...args], {
    env,
    stdin,
    stdout: out,
    stderr: err,
    cwd: options.cwd ?? ROOT,
    onInterrupt: () => () => undefined,
    exit: (c) => {
      throw new Error(`exit(${c}) called in a test`);
    },
  });
  return { code, stdout, stderr };
}
