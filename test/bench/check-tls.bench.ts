/**
 * check-tls against its peers on one loopback TLS server (good chain, TLS 1.2 + 1.3), in the same run:
 * - tc-webhook check-tls (the budget: median ≤ 300 ms wall, CLI start-up included), next to the bare
 *   `node -e 0` start-up floor for context;
 * - the four `openssl s_client` calls it replaces (one per TLS version, run one after another);
 * - sslscan and testssl.sh (protocols + certificate: `-p -S`), when installed.
 * Then check-tls --grade (budget: median ≤ 1 s) on a loopback HTTPS server (TLS 1.2 + 1.3, HSTS)
 * against the scanners that also enumerate cipher suites: sslscan (default scan) and testssl.sh
 * (`-p -E -S -h`: protocols, suites per protocol, server defaults, HTTP headers).
 * Figures and ratios are printed; nothing is asserted.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter } from 'node:path';
import { BIN, ROOT } from '../helpers/run-cli.js';
import { startGradeServer } from '../helpers/grade-servers.js';
import { cert, startTlsServer } from '../helpers/tls-servers.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const BUDGET_MS = 300;
const GRADE_BUDGET_MS = 1000;

interface Timed {
  ms: number;
  code: number | null;
  stdout: string;
}

function timeCommand(command: string, args: string[]): Promise<Timed> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, stdout }));
  });
}

async function medianOf(
  runs: number,
  once: () => Promise<number>,
): Promise<{ median: number; min: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const median = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { median, min: times[0]!, max: times.at(-1)! };
}

function onPath(...names: string[]): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) if (existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
  }
  return undefined;
}

const fmt = (ms: number) => `${ms.toFixed(0).padStart(7)} ms`;

async function main(): Promise<void> {
  const server = await startTlsServer({ key: 'good.key', cert: 'good-chain.pem' });
  const target = `127.0.0.1:${server.port}`;
  const rows: { tool: string; median: number; note: string }[] = [];
  try {
    const ours = [BIN, 'check-tls', target, '--ca', cert('root-ca.pem'), '--json'];
    const warm = await timeCommand(process.execPath, ours);
    const report = JSON.parse(warm.stdout) as { ok: boolean };
    if (warm.code !== 0 || !report.ok)
      throw new Error(`check-tls did not pass the good server (exit ${warm.code})`);
    const tc = await medianOf(RUNS, async () => (await timeCommand(process.execPath, ours)).ms);
    rows.push({
      tool: 'tc-webhook check-tls',
      median: tc.median,
      note: `${RUNS} runs, min ${tc.min.toFixed(0)}, max ${tc.max.toFixed(0)} ms`,
    });
    const floor = await medianOf(RUNS, async () => (await timeCommand(process.execPath, ['-e', '0'])).ms);
    rows.push({ tool: 'node -e 0 (start-up floor)', median: floor.median, note: `${RUNS} runs` });

    const openssl = onPath('openssl');
    if (openssl) {
      const flags = [
        ['-tls1', '-cipher', 'DEFAULT@SECLEVEL=0'],
        ['-tls1_1', '-cipher', 'DEFAULT@SECLEVEL=0'],
        ['-tls1_2'],
        ['-tls1_3'],
      ];
      const four = await medianOf(Math.min(RUNS, 7), async () => {
        const started = performance.now();
        for (const f of flags) {
          await timeCommand(openssl, [
            's_client',
            '-connect',
            target,
            '-CAfile',
            cert('root-ca.pem'),
            '-brief',
            ...f,
          ]);
        }
        return performance.now() - started;
      });
      rows.push({ tool: 'openssl s_client x4 (one per version)', median: four.median, note: 'sequential' });
    } else {
      rows.push({ tool: 'openssl s_client x4', median: NaN, note: 'skipped: openssl not on PATH' });
    }

    const sslscan = onPath('sslscan');
    if (sslscan) {
      const scan = await medianOf(3, async () => (await timeCommand(sslscan, ['--no-colour', target])).ms);
      rows.push({ tool: 'sslscan', median: scan.median, note: '3 runs' });
    } else {
      rows.push({
        tool: 'sslscan',
        median: NaN,
        note: 'skipped: install with apt-get install sslscan testssl.sh',
      });
    }

    const testssl = onPath('testssl.sh', 'testssl');
    if (testssl) {
      const args = [
        '--quiet',
        '--color',
        '0',
        '--warnings',
        'off',
        '--add-ca',
        cert('root-ca.pem'),
        '-p',
        '-S',
        target,
      ];
      const run = await timeCommand(testssl, args);
      rows.push({ tool: 'testssl.sh -p -S', median: run.ms, note: `1 run (exit ${run.code})` });
    } else {
      rows.push({
        tool: 'testssl.sh',
        median: NaN,
        note: 'skipped: install with apt-get install sslscan testssl.sh',
      });
    }
  } finally {
    await server.close();
  }

  const base = rows[0]!.median;
  console.log(`check-tls against ${target} (loopback, TLS 1.2 + 1.3, full chain)\n`);
  console.log(`${'tool'.padEnd(38)} ${'median'.padStart(10)}   ${'vs check-tls'.padStart(12)}   note`);
  for (const row of rows) {
    const ratio = Number.isNaN(row.median) ? '' : `${(row.median / base).toFixed(2)}x`;
    const time = Number.isNaN(row.median) ? '        --' : fmt(row.median);
    console.log(`${row.tool.padEnd(38)} ${time}   ${ratio.padStart(12)}   ${row.note}`);
  }
  console.log(
    `\nbudget: median ${base.toFixed(0)} ms ${base <= BUDGET_MS ? '<=' : '>'} ${BUDGET_MS} ms ${base <= BUDGET_MS ? '(within budget)' : '(OVER BUDGET)'}`,
  );
}

type Row = { tool: string; median: number; note: string };

function printRows(title: string, rows: Row[], budget: number): void {
  const base = rows[0]!.median;
  console.log(`\n${title}\n`);
  console.log(`${'tool'.padEnd(38)} ${'median'.padStart(10)}   ${'ratio'.padStart(12)}   note`);
  for (const row of rows) {
    const ratio = Number.isNaN(row.median) ? '' : `${(row.median / base).toFixed(2)}x`;
    const time = Number.isNaN(row.median) ? '        --' : fmt(row.median);
    console.log(`${row.tool.padEnd(38)} ${time}   ${ratio.padStart(12)}   ${row.note}`);
  }
  console.log(
    `\nbudget: median ${base.toFixed(0)} ms ${base <= budget ? '<=' : '>'} ${budget} ms ${base <= budget ? '(within budget)' : '(OVER BUDGET)'}`,
  );
}

async function benchGrade(): Promise<void> {
  const server = await startGradeServer({
    key: 'good.key',
    cert: 'good-chain.pem',
    hsts: 'max-age=31536000; includeSubDomains',
  });
  const target = `127.0.0.1:${server.port}`;
  const rows: Row[] = [];
  try {
    const ours = [BIN, 'check-tls', `https://${target}/`, '--ca', cert('root-ca.pem'), '--grade', '--json'];
    const warm = await timeCommand(process.execPath, ours);
    const letter = (JSON.parse(warm.stdout) as { grade?: { letter: string } }).grade?.letter;
    if (warm.code !== 0 || letter !== 'A+')
      throw new Error(`check-tls --grade gave ${letter} (exit ${warm.code})`);
    const tc = await medianOf(RUNS, async () => (await timeCommand(process.execPath, ours)).ms);
    rows.push({
      tool: 'tc-webhook check-tls --grade',
      median: tc.median,
      note: `${RUNS} runs, min ${tc.min.toFixed(0)}, max ${tc.max.toFixed(0)} ms; grade ${letter}`,
    });
    const plain = ours.filter((a) => a !== '--grade');
    const base = await medianOf(RUNS, async () => (await timeCommand(process.execPath, plain)).ms);
    rows.push({ tool: 'tc-webhook check-tls (no --grade)', median: base.median, note: `${RUNS} runs` });
    const sslscan = onPath('sslscan');
    if (sslscan) {
      const scan = await medianOf(3, async () => (await timeCommand(sslscan, ['--no-colour', target])).ms);
      rows.push({ tool: 'sslscan (suites, groups, cert)', median: scan.median, note: '3 runs' });
    } else {
      rows.push({ tool: 'sslscan', median: NaN, note: 'skipped: apt-get install sslscan' });
    }
    const testssl = onPath('testssl.sh', 'testssl');
    if (testssl) {
      const args = ['--quiet', '--color', '0', '--warnings', 'off', '--add-ca', cert('root-ca.pem')];
      const run = await timeCommand(testssl, [...args, '-p', '-E', '-S', '-h', target]);
      rows.push({ tool: 'testssl.sh -p -E -S -h', median: run.ms, note: `1 run (exit ${run.code})` });
    } else {
      rows.push({ tool: 'testssl.sh', median: NaN, note: 'skipped: apt-get install testssl.sh' });
    }
  } finally {
    await server.close();
  }
  printRows(
    `check-tls --grade against ${target} (loopback HTTPS, TLS 1.2 + 1.3, HSTS)`,
    rows,
    GRADE_BUDGET_MS,
  );
}

main()
  .then(() => (process.exitCode ? undefined : benchGrade()))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
