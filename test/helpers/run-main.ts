import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli.js';
import { PROXY_VARIABLES, ROOT } from './run-cli.js';

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The CLI in process: `main(argv, io)` with NO_COLOR, captured stdout and stderr, a stdin that is not
 * a terminal, and the environment without proxy variables (hermetic, as runCli).
 */
export async function runMain(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; stdinIsTTY?: boolean } = {},
): Promise<MainRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env.FORCE_COLOR;
  for (const k of PROXY_VARIABLES) if (!(k in (options.env ?? {}))) delete env[k];
  let stdout = '';
  let stderr = '';
  const out = new PassThrough().on('data', (d: Buffer) => (stdout += d.toString()));
  const err = new PassThrough().on('data', (d: Buffer) => (stderr += d.toString()));
  const stdin = Object.assign(Readable.from([]), { isTTY: options.stdinIsTTY === true });
  const code = await main(['node', 'tc-webhook', ...args], {
    env,
    stdin,
    stdout: out,
    stderr: err,
    cwd: options.cwd ?? ROOT,
    onInterrupt: () => () => undefined,
    exit: (c) => {
      throw new Error(`unexpected exit ${c}`);
    },
  });
  return { code, stdout, stderr };
}
