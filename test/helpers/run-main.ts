import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli.js';
import { ROOT, TEST_TMPDIR } from './run-cli.js';

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface MainOptions {
  /** The whole environment besides NO_COLOR=1 (no proxy variables unless given); undefined values are left out. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** What the command reads on stdin (none unless given). */
  stdin?: string;
  /** TMPDIR is the suite's own temp folder (removed when the tests end), not the machine's. */
  suiteTmpdir?: boolean;
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
  /** Resolves with the first match in stdout or stderr (or either); rejects if the command ends first. */
  waitFor(pattern: RegExp, stream?: 'stdout' | 'stderr'): Promise<RegExpExecArray>;
  done: Promise<MainRun>;
}

/**
 * Starts the CLI in this process (`main(argv, io)`), with NO_COLOR=1, no stdin unless given, no proxy
 * variables, and Ctrl-C under the test's control (for long-running commands).
 */
export function startMain(args: string[], options: MainOptions = {}): RunningMain {
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1' };
  if (options.suiteTmpdir) env.TMPDIR = TEST_TMPDIR;
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
  }).then(async (code) => {
    // Let the last writes through the streams arrive.
    await new Promise((resolve) => setImmediate(resolve));
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
          const match = pattern.exec(text);
          if (match) {
            watchers.delete(check);
            resolve(match);
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

/** A command that serves (listen --port 0), once it listens: where, and the running command. */
export interface ListeningMain extends RunningMain {
  url: string;
  port: number;
}

/**
 * Starts a command that serves (listen --port 0) and resolves once it listens; stop it with
 * `--max-requests` (or `interrupt()`), then `done` settles with the exit code and everything written.
 *
 *   const served = await startListening(['listen', '--port', '0', ...TLS_FLAGS, '--max-requests', '1']);
 *   await post(served.url, { body: '{}' });
 *   const { code, stdout, stderr } = await served.done;
 */
export async function startListening(args: string[], options: MainOptions = {}): Promise<ListeningMain> {
  const run = startMain(args, options);
  const [, url, port] = await run.waitFor(/listening on (https?:\/\/[^\s]+:(\d+)\/)/, 'stderr');
  return Object.assign(run, { url: url!, port: Number(port) });
}

/** Runs a listen that must stop at start-up: fails the test, rather than hang, if it starts listening. */
export async function refusedAtStartUp(args: string[], options: MainOptions = {}): Promise<MainRun> {
  const run = startMain(args, options);
  const listening = await run.waitFor(/listening on/, 'stderr').then(
    () => true,
    () => false,
  );
  if (listening) {
    run.interrupt();
    throw new Error(`listen started: ${run.stderr}`);
  }
  return run.done;
}
