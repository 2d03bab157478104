/**
 * send-sample through a forward proxy, against a bare undici ProxyAgent loop through the same proxy
 * to the same receiver (autocannon has no proxy support). The receiver, the proxy and each client
 * run in their own processes; the target name resolves only through the proxy, so both clients
 * really go through it. Figures: requests per second of each and their ratio (target ≥ 0.8).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, CA, median, ROOT, writeTypicalBody, okReceiverSource } from './bench-support.js';

const HOST = 'webhook.proxied.test';
const CONCURRENCY = 64;
const COUNT = 20_000;
const ROUNDS = 3;
const TARGET_RATIO = 0.8;

const RECEIVER = okReceiverSource('proxied');

const PROXY = `
import { startForwardProxy } from ${JSON.stringify(join(ROOT, 'dist/test/helpers/forward-proxy.js'))};
const proxy = await startForwardProxy({ hosts: { ${JSON.stringify(HOST)}: '127.0.0.1' }, auth: { user: 'bench', password: 'bench-pass' } });
process.stdout.write(proxy.port + '\\n');
`;

const BARE_LOOP = `
import { ProxyAgent, request } from 'undici';
import { readFileSync } from 'node:fs';
const [url, proxyUrl, bodyFile, ca, count, concurrency] = process.argv.slice(1);
const body = readFileSync(bodyFile);
const agent = new ProxyAgent({ uri: proxyUrl, proxyTunnel: false, requestTls: { ca: readFileSync(ca, 'utf8') }, connections: Number(concurrency) });
let next = 0, ok = 0;
const started = performance.now();
await Promise.all(Array.from({ length: Number(concurrency) }, async () => {
  while (next < Number(count)) {
    next++;
    const res = await request(url, { method: 'POST', dispatcher: agent, body, headers: { 'content-type': 'application/json' } });
    await res.body.dump();
    if (res.statusCode < 300) ok++;
  }
}));
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ok, requestsPerSecond: (ok / ms) * 1000 }) + '\\n');
await agent.close();
`;

function startNode(source: string): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', source], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout
      .setEncoding('utf8')
      .once('data', (line: string) => resolve({ child, port: Number(line.trim()) }));
    child.once('error', reject);
  });
}

function runToJson(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited with ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tc-bench-proxy-'));
  const receiver = await startNode(RECEIVER);
  const proxy = await startNode(PROXY);
  try {
    const { file: bodyFile, bytes: bodyBytes } = writeTypicalBody(dir);
    const url = `https://${HOST}:${receiver.port}/webhook`;
    const proxyUrl = `http://bench:bench-pass@127.0.0.1:${proxy.port}`;
    console.log(
      `through a local forward proxy; body ${bodyBytes} bytes; concurrency ${CONCURRENCY}; ${COUNT} requests per run`,
    );
    const ours = async () => {
      const out = await runToJson([
        BIN,
        'send-sample',
        url,
        '--file',
        bodyFile,
        '--ca',
        CA,
        '--proxy',
        proxyUrl,
        '--count',
        String(COUNT),
        '--concurrency',
        String(CONCURRENCY),
        '--json',
      ]);
      return (JSON.parse(out) as { summary: { requestsPerSecond: number } }).summary.requestsPerSecond;
    };
    const bare = async () => {
      const out = await runToJson([
        '--input-type=module',
        '-e',
        BARE_LOOP,
        url,
        proxyUrl,
        bodyFile,
        CA,
        String(COUNT),
        String(CONCURRENCY),
      ]);
      return (JSON.parse(out) as { requestsPerSecond: number }).requestsPerSecond;
    };
    await ours(); // warm the receiver and the proxy
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const peer = await bare();
      const mine = await ours();
      ratios.push(mine / peer);
      console.log(
        `round ${round}: undici ProxyAgent loop ${peer.toFixed(0)} req/s; send-sample ${mine.toFixed(0)} req/s; ratio ${(mine / peer).toFixed(2)}`,
      );
    }
    const middle = median(ratios);
    console.log(
      `median ratio send-sample / ProxyAgent loop: ${middle.toFixed(2)} (target ≥ ${TARGET_RATIO}) ${middle >= TARGET_RATIO ? 'OK' : 'BELOW TARGET'}`,
    );
    if (middle < TARGET_RATIO) process.exitCode = 1;
  } finally {
    receiver.child.kill();
    proxy.child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
