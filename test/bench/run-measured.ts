/** Running a node process for a bench: its wall time, and for the CLI its own CPU time and peak memory. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './bench-support.js';

export interface Timed {
  ms: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

export type Measured = Timed & { maxRssMb: number; cpuMs: number };

/** Runs `node <args>` from the repository root with NO_COLOR=1, and times it. */
export function run(args: string[], env: Record<string, string> = {}): Timed {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return {
    ms: Number(process.hrtime.bigint() - started) / 1e6,
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
  };
}

/** Runs a module script in a child that reports its own peak memory (maxRSS, KiB) and CPU time on stderr. */
export function runWithMemory(script: string, env: Record<string, string> = {}): Measured {
  const measured = `${script}
    const usage = process.resourceUsage();
    process.stderr.write('maxRSS=' + usage.maxRSS + ' cpu=' + (usage.userCPUTime + usage.systemCPUTime) + '\\n');`;
  const r = run(['--input-type=module', '-e', measured], env);
  const kib = Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1] ?? 0);
  const cpuUs = Number(/cpu=(\d+)/.exec(r.stderr)?.[1] ?? 0);
  return { ...r, maxRssMb: kib / 1024, cpuMs: cpuUs / 1000 };
}

/** Runs the CLI in process (`main(argv, io)`, output discarded) in a child that reports its peak memory and CPU time. */
export function runCliWithMemory(args: string[], env: Record<string, string> = {}): Measured {
  return runWithMemory(
    `
    const { main } = await import(${JSON.stringify(join(ROOT, 'dist/src/cli.js'))});
    const { Writable } = await import('node:stream');
    const sink = new Writable({ write(_c, _e, done) { done(); } });
    process.exitCode = await main(['node', 'tc-webhook', ...${JSON.stringify(args)}], { stdout: sink });`,
    env,
  );
}
