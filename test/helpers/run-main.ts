import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli.js';
import { ROOT } from './run-cli.js';

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface MainOptions {
  /** The whole environment besides NO_COLOR=1 (no proxy variables unless given); undefined values are left out. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  stdin?: string;
  /** Sees each SIGTERM listener as the command registers it (e.g. to send SIGTERM during start-up). */
  onTerminateListener?: (listener: () => void) => void;
}

/** A command running in this process: its output so far, Ctrl-C, and its end. */
export interface RunningMain {
  readonly stdout: string;
  readonly stderr: string;
  /** What Ctrl-C does: calls the command's interrupt listeners. */
  interrupt(): void;
  /** What SIGTERM does: calls the command's terminate listeners. */
  terminate(): void;
  /** Resolves once stdout or stderr (or either) matches; rejects if the command ends first. */
  waitFor(pattern: RegExp, stream?: 'stdout' | 'stderr'): Promise<void>;
  done: Promise<MainRun>;
}

/**
 * Starts the CLI in this process (`main(argv, io)`), with NO_COLOR=1, no stdin unless given, no proxy
 * variables, and Ctrl-C under the test's control (for long-running commands).
 */
export function startMain(args: string[], options: MainOptions = {}): RunningMain {
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1' };
  for (const [k, v] of Object.entries(options.env ?? {})) if (v !== undefined) env[k] = v;
  const output = { stdout: '', stderr: '' };
  const watchers = new Set<() => void>();
  const collect = (name: 'stdout' | 'stderr') => {
    const stream = new PassThrough();
    stream.on('data', (d: Buffer) => {
      output[name] += d.toString();
      for (const w of watchers) w();
    });
    return stream;
  };
  const listeners = new Set<() => void>();
  const terminateListeners = new Set<() => void>();
  let ended = false;
  const done = main(['node', 'tc-webhook', ...args], {
    env,
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    stdout: collect('stdout'),
    stderr: collect('stderr'),
    cwd: options.cwd ?? ROOT,
    onInterrupt: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onTerminate: (listener) => {
      terminateListeners.add(listener);
      options.onTerminateListener?.(listener);
      return () => terminateListeners.delete(listener);
    },
    exit: (exitCode) => {
      throw new Error(`the process would have ended with ${exitCode}`);
    },
  }).then((code) => {
    ended = true;
    for (const w of watchers) w();
    return { code, stdout: output.stdout, stderr: output.stderr };
  });
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
    terminate: () => {
      for (const l of terminateListeners) l();
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

/** Runs the CLI in this process (`main(argv, io)`) to its end, with NO_COLOR=1, no stdin and no proxy variables. */
export function runMain(args: string[], options: MainOptions = {}): Promise<MainRun> {
  return startMain(args, options).done;
}
