import { PassThrough } from 'node:stream';
import { main } from '../../src/cli.js';
import { PROXY_VARIABLES, ROOT } from './run-cli.js';

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface MainOptions {
  /** Added to (or, with undefined, removed from) the test process's environment. */
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** A command running in this process: its output so far, Ctrl-C, and its end. */
export interface RunningMain {
  readonly stdout: string;
  readonly stderr: string;
  /** What Ctrl-C does: calls the command's interrupt listeners. */
  interrupt(): void;
  /** Resolves once stdout or stderr matches. */
  waitFor(pattern: RegExp, stream?: 'stdout' | 'stderr'): Promise<void>;
  done: Promise<MainRun>;
}

/**
 * Starts `main(argv, io)` in this process (no spawn): NO_COLOR, no proxy variables, stdin not a
 * terminal, Ctrl-C under the test's control.
 */
export function startMain(args: string[], options: MainOptions = {}): RunningMain {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  for (const k of PROXY_VARIABLES) delete env[k];
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const output = { stdout: '', stderr: '' };
  const watchers = new Set<() => void>();
  const collect = (name: 'stdout' | 'stderr') => {
    const stream = new PassThrough().setEncoding('utf8');
    stream.on('data', (d: string) => {
      output[name] += d;
      for (const w of watchers) w();
    });
    return stream;
  };
  const stdout = collect('stdout');
  const stderr = collect('stderr');
  const stdin = new PassThrough();
  stdin.end();
  const listeners = new Set<() => void>();
  const done = main(['node', 'tc-webhook', ...args], {
    env,
    stdin,
    stdout,
    stderr,
    cwd: options.cwd ?? ROOT,
    onInterrupt: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    exit: (c) => {
      throw new Error(`exit(${c}) called in a test`);
    },
  }).then((code) => {
    for (const w of watchers) w();
    return { code, stdout: output.stdout, stderr: output.stderr };
  });
  let ended = false;
  void done.then(() => (ended = true));
  return {
    get stdout() {
      return output.stdout;
    },
    get stderr() {
      return output.stderr;
    },
    interrupt: () => {
      for (const l of listeners) l();
    },
    waitFor: (pattern, stream) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const text = stream ? output[stream] : output.stdout + output.stderr;
          if (pattern.test(text)) {
            watchers.delete(check);
            resolve();
          } else if (ended) {
            watchers.delete(check);
            reject(new Error(`ended without ${pattern}:\n${output.stdout}\n${output.stderr}`));
          }
        };
        watchers.add(check);
        check();
      }),
    done,
  };
}

/** Runs `main(argv, io)` in this process to its end. */
export function runMain(args: string[], options: MainOptions = {}): Promise<MainRun> {
  return startMain(args, options).done;
}
