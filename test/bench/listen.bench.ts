/**
 * listen throughput against a bare node:https server, and memory over 100,000 deliveries.
 *
 * autocannon (concurrency 64) POSTs a typical order body to each in paired rounds: first a bare
 * node:https server with the same certificate that only reads the body and answers 200, then
 * `tc-webhook listen` (validating, not saving; its per-request lines go to /dev/null). The figure
 * is the median of the rounds' ratios. Then 100,000 deliveries to listen while its RSS is sampled.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUTOCANNON, BIN, CERTS, mb, median, readRssKiB, ROOT, writeTypicalBody } from './bench-support.js';

const CONCURRENCY = 64;
const DURATION_S = 5;
const ROUNDS = 3;
const TARGET_RATIO = 0.6;
const DELIVERIES = 100_000;

const BARE_SOURCE = `
import { createServer } from 'node:https';
import { readFileSync } from 'node:fs';
const dir = ${JSON.stringify(CERTS)};
const server = createServer({ key: readFileSync(dir + 'good.key'), cert: readFileSync(dir + 'good-chain.pem') }, (req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '15' });
    res.end('{"status":"ok"}');
  });
});
server.listen(0, '127.0.0.1', () => process.stderr.write('listening on https://127.0.0.1:' + server.address().port + '/\\n'));
`;

/**
 * Where the cost is: the same bare server, but each body goes through listen's judgeDelivery
 * (UTF-8 check, parse, nesting check, schema validation) before the 200. Not a target, a floor.
 */
const FLOOR_SOURCE = `
import { createServer } from 'node:https';
import { readFileSync } from 'node:fs';
const dist = ${JSON.stringify(join(ROOT, 'dist/src/'))};
const { provideValidators } = await import(dist + 'core/validate/provide-validators.js');
const { judgeDelivery } = await import(dist + 'core/listen/judge-delivery.js');
const provider = await provideValidators({ strict: false, timeoutMs: 10000, cwd: process.cwd() }, undefined);
await provider.validatorFor('order');
const check = { type: 'auto', maxErrors: 20, validatorFor: provider.validatorFor };
const dir = ${JSON.stringify(CERTS)};
const server = createServer({ key: readFileSync(dir + 'good.key'), cert: readFileSync(dir + 'good-chain.pem') }, (req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    await judgeDelivery('#', Buffer.concat(chunks), req.headers['content-type'], check);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '15' });
    res.end('{"status":"ok"}');
  });
});
server.listen(0, '127.0.0.1', () => process.stderr.write('listening on https://127.0.0.1:' + server.address().port + '/\\n'));
`;

/** Starts a server process and resolves with its port, read from its `listening on …` line on stderr. */
function startServer(args: string[]): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      const port = /listening on https:\/\/127\.0\.0\.1:(\d+)\//.exec(stderr)?.[1];
      if (port) resolve({ child, port: Number(port) });
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
}

function autocannon(
  port: number,
  bodyFile: string,
  limit: string[],
): Promise<{ rps: number; total: number; non2xx: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        AUTOCANNON,
        ...['-c', String(CONCURRENCY), ...limit, '-p', '1', '-m', 'POST'],
        ...['-H', 'content-type=application/json', '-i', bodyFile, '--json', '--no-progress'],
        `https://127.0.0.1:${port}/webhook`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const json = JSON.parse(out) as { requests: { average: number; total: number }; non2xx: number };
      resolve({ rps: json.requests.average, total: json.requests.total, non2xx: json.non2xx });
    });
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tc-bench-listen-'));
  const { file: bodyFile, bytes: bodyBytes } = writeTypicalBody(dir);
  const tls = ['--cert', join(CERTS, 'good-chain.pem'), '--key', join(CERTS, 'good.key')];
  const bare = await startServer(['--input-type=module', '-e', BARE_SOURCE]);
  const floor = await startServer(['--input-type=module', '-e', FLOOR_SOURCE]);
  const listen = await startServer([BIN, 'listen', ...tls, '--port', '0']);
  try {
    console.log(
      `body: ${bodyBytes} bytes (generated OrderIssuedByBuyer); concurrency ${CONCURRENCY}; node ${process.version}`,
    );
    // Warm both (JIT, validator) so neither pays for it in the figures.
    await autocannon(bare.port, bodyFile, ['-a', '2000']);
    await autocannon(floor.port, bodyFile, ['-a', '2000']);
    await autocannon(listen.port, bodyFile, ['-a', '2000']);
    const ratios: number[] = [];
    const floorRatios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const peer = await autocannon(bare.port, bodyFile, ['-d', String(DURATION_S)]);
      const ours = await autocannon(listen.port, bodyFile, ['-d', String(DURATION_S)]);
      const judged = await autocannon(floor.port, bodyFile, ['-d', String(DURATION_S)]);
      ratios.push(ours.rps / peer.rps);
      floorRatios.push(judged.rps / peer.rps);
      console.log(
        `round ${round}: bare node:https ${peer.rps.toFixed(0)} req/s (non-2xx ${peer.non2xx}); ` +
          `bare + validation only ${judged.rps.toFixed(0)} req/s (ratio ${(judged.rps / peer.rps).toFixed(2)}); ` +
          `listen ${ours.rps.toFixed(0)} req/s (non-2xx ${ours.non2xx}); ratio ${(ours.rps / peer.rps).toFixed(2)}`,
      );
    }
    const ratio = median(ratios);
    console.log(
      `median ratio listen / bare node:https: ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}) ${ratio >= TARGET_RATIO ? 'OK' : 'BELOW TARGET'}`,
    );

    // Memory over 100,000 deliveries, sampled every half second.
    const samples: Array<{ atMs: number; rssKiB: number }> = [];
    const started = performance.now();
    let done = false;
    const sampler = (async () => {
      while (!done) {
        await new Promise((r) => setTimeout(r, 500));
        const rss = readRssKiB(listen.child.pid!);
        if (rss) samples.push({ atMs: Math.round(performance.now() - started), rssKiB: rss.rss });
      }
    })();
    const run = await autocannon(listen.port, bodyFile, ['-a', String(DELIVERIES)]);
    done = true;
    await sampler;
    const peak = readRssKiB(listen.child.pid!)?.hwm;
    console.log(
      `\nmemory: ${run.total.toLocaleString('en')} deliveries (non-2xx ${run.non2xx}); listen peak RSS ${mb(peak)}`,
    );
    const step = Math.max(1, Math.floor(samples.length / 10));
    for (const s of samples.filter((_, i) => i % step === 0 || i === samples.length - 1)) {
      console.log(`  ${String(s.atMs).padStart(6)} ms  ${mb(s.rssKiB)}`);
    }
    const firstTenth = samples.slice(0, Math.max(1, Math.ceil(samples.length / 10)));
    const early = Math.max(...firstTenth.map((s) => s.rssKiB));
    const last = samples.at(-1)?.rssKiB;
    if (last !== undefined) console.log(`RSS after the first tenth ${mb(early)}, at the end ${mb(last)}`);
  } finally {
    bare.child.kill();
    floor.child.kill();
    listen.child.kill('SIGINT');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
