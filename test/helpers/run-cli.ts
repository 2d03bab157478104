import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CLI as users run it. */
export const BIN = fileURLToPath(new URL('../../../bin/tc-webhook.js', import.meta.url));
/** The repository root (tests run from dist/test/…). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The temp folder of the CLIs this test file runs (and so their schema cache): the tests never read
 * or write the cache of the user running them, nor share one with another test file.
 */
export const TEST_TMPDIR = mkdtempSync(join(tmpdir(), 'tc-webhook-test-'));
process.once('exit', () => rmSync(TEST_TMPDIR, { recursive: true, force: true }));

/** The proxy variables the CLI reads; tests set them explicitly or not at all. */
export const PROXY_VARIABLES = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
];

/** The GitHub Actions variables the CLI reads (docs/ci.md). */
export const GITHUB_VARIABLES = ['GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY', 'GITHUB_WORKSPACE'];

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface RunCliOptions {
  env?: Record<string, string | undefined>;
  input?: string | Buffer;
  cwd?: string;
  /** Kill the process after this many ms (a test safety net, not an assertion). */
  killAfterMs?: number;
  /** Sees the child process once spawned, e.g. to send it SIGINT. */
  onSpawn?: (child: ChildProcess) => void;
  /** `ulimit -f`: no file the CLI writes may grow past this many 512-byte blocks (a full disk, EFBIG). */
  maxFileBlocks?: number;
}

/** The command line that runs the CLI, under `ulimit -f` when asked. */
export function cliCommand(args: string[], maxFileBlocks?: number): [string, string[]] {
  if (maxFileBlocks === undefined) return [process.execPath, [BIN, ...args]];
  return ['sh', ['-c', `ulimit -f ${maxFileBlocks} && exec "$0" "$@"`, process.execPath, BIN, ...args]];
}

/** Spawns bin/tc-webhook.js with NO_COLOR=1 and collects exit code, stdout and stderr separately. */
export function runCli(args: string[], options: RunCliOptions = {}): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      NO_COLOR: '1',
      TMPDIR: TEST_TMPDIR,
      ...options.env,
    };
    delete env.FORCE_COLOR;
    // Hermetic: a proxy set on the machine running the tests must not reach the CLI under test.
    for (const k of PROXY_VARIABLES) if (!(k in (options.env ?? {}))) delete env[k];
    // Likewise GitHub Actions' variables: a CI run on GitHub must not turn every report into annotations.
    for (const k of GITHUB_VARIABLES) if (!(k in (options.env ?? {}))) delete env[k];
    // Likewise the machine's extra CA certificates: the tests choose what is trusted.
    if (!('NODE_EXTRA_CA_CERTS' in (options.env ?? {}))) delete env.NODE_EXTRA_CA_CERTS;
    for (const [k, v] of Object.entries(options.env ?? {})) if (v === undefined) delete env[k];
    const [command, commandArgs] = cliCommand(args, options.maxFileBlocks);
    const child = spawn(command, commandArgs, {
      cwd: options.cwd ?? ROOT,
      env: env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, durationMs: performance.now() - started });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    options.onSpawn?.(child);
  });
}
