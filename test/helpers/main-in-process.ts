import { PassThrough, Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { main } from '../../src/cli.js';
import { ROOT, TEST_TMPDIR } from './run-cli.js';

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface MainInProcessOptions {
  env?: Record<string, string>;
  cwd?: string;
  input?: string;
  /** Receives the Ctrl-C listener once the command watches for it: call it to press Ctrl-C. */
  onInterrupt?: (press: () => void) => void;
}

export interface MainHandle {
  done: Promise<MainRun>;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stderr (e.g. listen's start-up line). */
  waitForStderr(pattern: RegExp): Promise<RegExpExecArray>;
}

/**
 * Runs `main(argv, io)` in this process, as the CLI runs it, with NO_COLOR, no proxy variables and
 * captured streams: exit code, stdout and stderr separately, without spawning a process.
 */
export function startMain(args: string[], options: MainInProcessOptions = {}): MainHandle {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  let finished = false;
  const done = main(['node', 'tc-webhook', ...args], {
    env: { NO_COLOR: '1', TMPDIR: TEST_TMPDIR, ...options.env },
    stdin: Readable.from(options.input === undefined ? [] : [options.input]),
    stdout,
    stderr,
    cwd: options.cwd ?? ROOT,
    onInterrupt: (listener) => {
      options.onInterrupt?.(listener);
      return () => undefined;
    },
    exit: (c) => {
      throw new Error(`the process would exit at once with ${c}`);
    },
  }).then((code) => {
    finished = true;
    return { code, stdout: out, stderr: err };
  });
  return {
    done,
    stdout: () => out,
    stderr: () => err,
    waitForStderr: async (pattern) => {
      for (;;) {
        const match = pattern.exec(err);
        if (match) return match;
        if (finished) throw new Error(`ended before ${String(pattern)}:\n${err}`);
        await sleep(10);
      }
    },
  };
}

export function mainInProcess(args: string[], options: MainInProcessOptions = {}): Promise<MainRun> {
  return startMain(args, options).done;
}
