/**
 * A command that keeps running (listen), in process: `main(argv, io)` with captured stdout and
 * stderr, resolving once it listens. Stop it with `--max-requests`; `done` settles with the exit code.
 *
 *   const served = await startMain(['listen', '--port', '0', ...TLS_FLAGS, '--max-requests', '1']);
 *   await post(served.url, { body: '{}' });
 *   const { code, stdout, stderr } = await served.done;
 */
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli.js';
import { ROOT, type CliRun } from './run-cli.js';

export interface MainRun {
  /** Settles with the exit code and everything written. */
  done: Promise<CliRun>;
  stdout(): string;
  stderr(): string;
}

export function startMainRun(args: string[], options: { env?: Record<string, string> } = {}): MainRun {
  const started = performance.now();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = main(['node', 'tc-webhook', ...args], {
    env: { NO_COLOR: '1', ...options.env },
    stdin: Readable.from([]),
    stdout,
    stderr,
    cwd: ROOT,
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

/** Starts a command that serves (listen --port 0) and resolves with its URL once it listens. */
export async function startMain(
  args: string[],
  options: { env?: Record<string, string> } = {},
): Promise<MainRun & { url: string; port: number }> {
  const run = startMainRun(args, options);
  for (;;) {
    const match = /listening on (https?:\/\/[^\s]+:(\d+)\/)/.exec(run.stderr());
    if (match) return { ...run, url: match[1]!, port: Number(match[2]) };
    const finished = await Promise.race([
      run.done,
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 20)),
    ]);
    if (finished) throw new Error(`exited with ${finished.code} before listening:\n${finished.stderr}`);
  }
}

/** Runs a listen that must stop at start-up: fails the test, rather than hang, if it starts listening. */
export async function refusedAtStartUp(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const run = startMainRun(args, { env });
  const listening = new Promise<'listening'>((resolve) => {
    const poll = setInterval(() => {
      if (/listening on/.test(run.stderr())) resolve('listening');
    }, 20);
    void run.done.then(() => clearInterval(poll));
  });
  const outcome = await Promise.race([run.done, listening]);
  if (outcome === 'listening') throw new Error(`listen started: ${run.stderr()}`);
  return outcome;
}
