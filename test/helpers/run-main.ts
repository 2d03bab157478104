/**
 * The CLI in process: `main(argv, io)` with captured stdout and stderr, the repository as cwd and a
 * hermetic environment (no proxy variables of the machine running the tests). Faster than spawning
 * bin/tc-webhook.js; spawn only where the process boundary is what a test is about.
 *
 *   const run = await runMain(['send-sample', url, '--token', 't0k3n-value']);
 *   assert.equal(run.code, 2);
 *
 * A command that keeps running (listen) is started with `startMain`, which resolves once stderr
 * matches `ready`; stop it with `--max-requests`.
 */
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli.js';
import { ROOT, type CliRun } from './run-cli.js';

export interface MainOptions {
  env?: Record<string, string>;
  cwd?: string;
  input?: string;
}

export interface MainRun {
  /** Settles with the exit code and everything written. */
  done: Promise<CliRun>;
  stdout(): string;
  stderr(): string;
}

export function startMainRun(args: string[], options: MainOptions = {}): MainRun {
  const started = performance.now();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = main(['node', 'tc-webhook', ...args], {
    env: { NO_COLOR: '1', ...options.env },
    stdin: Readable.from(options.input === undefined ? [] : [options.input]),
    stdout,
    stderr,
    cwd: options.cwd ?? ROOT,
    onInterrupt: () => () => undefined,
    exit: (code) => {
      throw new Error(`the command asked to end the process (${code})`);
    },
  }).then(async (code) => {
    // Let the last writes through the streams arrive.
    await new Promise((resolve) => setImmediate(resolve));
    return { code, stdout: out, stderr: err, durationMs: performance.now() - started };
  });
  return { done, stdout: () => out, stderr: () => err };
}

export function runMain(args: string[], options: MainOptions = {}): Promise<CliRun> {
  return startMainRun(args, options).done;
}

/** Starts a command that serves (listen --port 0) and resolves with its URL once it listens. */
export async function startMain(
  args: string[],
  options: MainOptions = {},
): Promise<MainRun & { url: string; port: number }> {
  const run = startMainRun(args, options);
  for (;;) {
    const match = /listening on (https?:\/\/[^\s]+:(\d+)\/)/.exec(run.stderr());
    if (match) return { ...run, url: match[1]!, port: Number(match[2]) };
    const finished = await Promise.race([
      run.done.then((r) => r),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 20)),
    ]);
    if (finished) throw new Error(`exited with ${finished.code} before listening:\n${finished.stderr}`);
  }
}
