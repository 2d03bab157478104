import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { BIN, ROOT } from './run-cli.js';

/** Whether util-linux `script` is here to give the CLI a pseudo-terminal. */
export const HAS_SCRIPT = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

export interface TerminalRun {
  code: number | null;
  /** stdout and stderr as the terminal showed them (one stream, with readline's escape codes). */
  output: string;
}

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/**
 * Runs the CLI on a pseudo-terminal (`script -qec`), as a user at a shell does, and types `keys` once
 * the output matches `prompt`. Raw key bytes reach readline exactly as from a keyboard: "\x03" is
 * Ctrl+C, "\x04" Ctrl+D.
 */
export function runInTerminal(
  args: string[],
  prompt: RegExp,
  keys: string,
  options: { stderrFile?: string } = {},
): Promise<TerminalRun> {
  // With stderr sent to a file, only stdin and stdout are the terminal (as in `tc-webhook … 2>log`).
  const redirect = options.stderrFile === undefined ? '' : ` 2>${quote(options.stderrFile)}`;
  // `exec`: the shell that `script` starts must not stay between the terminal and the CLI, or a
  // Ctrl+C (SIGINT to the whole foreground group) ends that shell (dash) and with it the run's status.
  const command = `exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}${redirect}`;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: ROOT,
      env: {
        ...process.env,
        SHELL: '/bin/sh',
        NO_COLOR: '1',
        FORCE_COLOR: undefined,
        NODE_EXTRA_CA_CERTS: undefined,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let typed = false;
    const shown = () => {
      const file = options.stderrFile;
      return file !== undefined && existsSync(file) ? output + readFileSync(file, 'utf8') : output;
    };
    const typeWhenPrompted = () => {
      if (!typed && prompt.test(shown())) {
        typed = true;
        child.stdin.write(keys);
      }
    };
    const onData = (d: Buffer) => {
      output += d.toString('utf8');
      typeWhenPrompted();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const poll = setInterval(typeWhenPrompted, 50);
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ code, output: shown() });
    });
    child.stdin.on('error', () => undefined);
  });
}
