import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli.js';
import { ROOT } from './run-cli.js';

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process (`main(argv, io)`), with NO_COLOR=1, no stdin and no proxy variables. */
export async function runMain(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; stdin?: string } = {},
): Promise<MainRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await main(['node', 'tc-webhook', ...args], {
    env: { NO_COLOR: '1', ...options.env },
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    stdout,
    stderr,
    cwd: options.cwd ?? ROOT,
    onInterrupt: () => () => undefined,
    exit: (exitCode) => {
      throw new Error(`the process would have ended with ${exitCode}`);
    },
  });
  return { code, stdout: out, stderr: err };
}
