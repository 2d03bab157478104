/** What the throughput benches share: where things are, the typical body, and reading a process's memory. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = join(ROOT, 'bin/tc-webhook.js');
export const CERTS = join(ROOT, 'fixtures/certs/');
export const CA = join(CERTS, 'root-ca.pem');
const require = createRequire(import.meta.url);
export const AUTOCANNON = require.resolve('autocannon/autocannon.js');

/** The typical order body every throughput bench sends: a generated OrderIssuedByBuyer, seed 1. */
export function writeTypicalBody(dir: string): { file: string; bytes: number } {
  const sample = spawnSync(
    process.execPath,
    [BIN, 'sample', '--event', 'OrderIssuedByBuyer', '--seed', '1'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (sample.status !== 0) throw new Error(`sample failed: ${sample.stderr}`);
  const file = join(dir, 'order-issued.json');
  writeFileSync(file, sample.stdout);
  return { file, bytes: Buffer.byteLength(sample.stdout) };
}

/** Current and peak RSS of a process, from /proc (Linux); undefined elsewhere. */
export function readRssKiB(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(rss) ? { rss, hwm } : undefined;
  } catch {
    return undefined;
  }
}

/** The middle value (the upper one of an even count): what the benches report over their rounds. */
export const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

export const mb = (kib: number | undefined) => (kib === undefined ? 'n/a' : `${(kib / 1024).toFixed(1)} MB`);

/**
 * Source of a minimal keep-alive HTTPS receiver (run with `node --input-type=module -e`): it reads
 * each body and answers 200 with a small JSON body, prints its port on stdout, and with `counting`
 * answers `GET /count` with the number of bodies received. `cert` names a fixture key and chain.
 */
export function okReceiverSource(cert: 'good' | 'proxied', counting = false): string {
  return `
import { createServer } from 'node:https';
import { readFileSync } from 'node:fs';
const dir = ${JSON.stringify(CERTS)};
let count = 0;
const server = createServer({ key: readFileSync(dir + '${cert}.key'), cert: readFileSync(dir + '${cert}-chain.pem') }, (req, res) => {
  ${counting ? "if (req.method === 'GET' && req.url === '/count') { res.end(String(count)); return; }" : ''}
  req.resume();
  req.on('end', () => {
    count++;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '15' });
    res.end('{"status":"ok"}');
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;
}
