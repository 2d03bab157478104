/**
 * `tc-webhook listen` as users run it, for end-to-end tests: spawned with `--port 0`, ready once it
 * prints its start-up line (`listening on https://127.0.0.1:PORT/ …`) on stderr.
 *
 *   const listen = await startListen(['--cert', GOOD_CHAIN, '--key', GOOD_KEY, '--save', dir]);
 *   await runCli(['send-sample', listen.url, '--ca', ROOT_CA_FILE]);
 *   const done = await listen.stop();      // SIGINT, then { code, stdout, stderr }
 */
import { spawn } from 'node:child_process';
import { cliCommand, PROXY_VARIABLES, ROOT, type CliRun } from './run-cli.js';
import { CERTS_DIR } from './receiver.js';

export const GOOD_CHAIN = `${CERTS_DIR}good-chain.pem`;
export const GOOD_KEY = `${CERTS_DIR}good.key`;
/** The HTTPS flags most tests start listen with. */
export const TLS_FLAGS = ['--cert', GOOD_CHAIN, '--key', GOOD_KEY];

export interface ListenProcess {
  /** e.g. https://127.0.0.1:43121/ */
  url: string;
  port: number;
  /** Sends the signal (default SIGINT) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<CliRun>;
  /** Settles when the process exits by itself (--max-requests). */
  exited: Promise<CliRun>;
  /** stdout so far. */
  stdout(): string;
  /** Stops reading stdout and closes the pipe, as `| head` does once it has enough. */
  closeStdout(): void;
  stderr(): string;
}

export function startListen(
  args: string[],
  options: { env?: Record<string, string>; killAfterMs?: number; maxFileBlocks?: number } = {},
): Promise<ListenProcess> {
  const started = performance.now();
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env.FORCE_COLOR;
  for (const k of PROXY_VARIABLES) if (!(k in (options.env ?? {}))) delete env[k];
  if (!('NODE_EXTRA_CA_CERTS' in (options.env ?? {}))) delete env.NODE_EXTRA_CA_CERTS;
  const [command, commandArgs] = cliCommand(['listen', '--port', '0', ...args], options.maxFileBlocks);
  const child = spawn(command, commandArgs, {
    cwd: ROOT,
    env: env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 120_000);
  const exited = new Promise<CliRun>((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, durationMs: performance.now() - started });
    });
  });
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      const match = /listening on (https?:\/\/[^\s]+:(\d+)\/)/.exec(stderr);
      if (match) {
        resolve({
          url: match[1]!,
          port: Number(match[2]),
          stop: (signal = 'SIGINT') => {
            child.kill(signal);
            return exited;
          },
          exited,
          stdout: () => stdout,
          closeStdout: () => child.stdout.destroy(),
          stderr: () => stderr,
        });
      }
    });
    void exited.then((run) =>
      reject(new Error(`listen exited with ${run.code} before listening:\n${run.stderr}`)),
    );
    child.on('error', reject);
  });
}

/** Every NDJSON record of a `listen --json` run: listening, delivery…, summary. */
export function recordsOf(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** The delivery records of a `listen --json` run. */
export function entriesOf(stdout: string): Array<Record<string, unknown>> {
  return recordsOf(stdout).filter((r) => r.record === 'delivery');
}
