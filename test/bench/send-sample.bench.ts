/**
 * send-sample burst throughput against autocannon, and memory over 100,000 requests.
 *
 * Both clients hit the same minimal keep-alive HTTPS receiver (fixture certificates), which runs
 * in its own process so each client competes with it on equal terms. autocannon runs as its own
 * process too, like the CLI. Figures: requests per second of each (send-sample's from its own
 * burst timing, and from wall time including start-up), the ratio, and the CLI's RSS over time.
 * The bare undici loop (same receiver, same number of connections, same body) runs in every round
 * too: its ratio to autocannon is the floor of the HTTP client send-sample is built on.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AUTOCANNON,
  BIN,
  CA,
  mb,
  median,
  readRssKiB,
  ROOT,
  writeTypicalBody,
  okReceiverSource,
} from './bench-support.js';

const CONCURRENCY = 64;
/**
 * Seconds per client and round. Short runs keep the three clients of a round close together in
 * time, so a load that comes and goes on a shared machine weighs on them alike; long enough that
 * each process's start (connections, JIT) is a small part of its run.
 */
const DURATION_S = 4;
/** Each client's warm-up run, before the rounds. */
const WARM_UP_S = 2;
/** send-sample ÷ autocannon: parity within the noise of a shared machine. */
const TARGET_RATIO = 0.95;
/** Each of the three clients goes first, second and third in three rounds. */
const ROUNDS = 9;

const RECEIVER_SOURCE = okReceiverSource('good', true);

/**
 * Where the remaining gap is: the HTTP client send-sample is built on, set up as send-sample sets it
 * up (an undici Client per concurrent request, each with its one keep-alive connection; no undici
 * timers per request), in a bare dispatch loop with a handler that only counts: none of
 * send-sample's own work. Not a target, a floor.
 */
const UNDICI_LOOP = `
import { readFileSync } from 'node:fs';
import { createSecureContext, rootCertificates } from 'node:tls';
import { Client } from 'undici';
const [url, bodyFile, ca, count, concurrency] = process.argv.slice(1);
const target = new URL(url);
const secureContext = createSecureContext({ minVersion: 'TLSv1.2', ca: [...rootCertificates, readFileSync(ca, 'utf8')] });
const clients = Array.from({ length: Number(concurrency) }, () =>
  new Client(target.origin, { pipelining: 1, connect: { secureContext, rejectUnauthorized: true } }));
const body = readFileSync(bodyFile);
const total = Number(count);
let next = 0, ok = 0;
const one = (client) => new Promise((resolve) => {
  let status = 0;
  client.dispatch(
    { path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json' }, body, headersTimeout: 0, bodyTimeout: 0 },
    {
      onRequestStart() {},
      onResponseStart(_c, code) { status = code; },
      onResponseData() {},
      onResponseEnd() { resolve(status); },
      onResponseError() { resolve(0); },
    },
  );
});
const started = performance.now();
await Promise.all(clients.map(async (client) => {
  while (next < total) { next++; if ((await one(client)) === 200) ok++; }
}));
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ok, requestsPerSecond: (ok / ms) * 1000 }) + '\\n');
await Promise.all(clients.map((client) => client.close()));
`;

function runUndiciLoop(
  url: string,
  bodyFile: string,
  count: number,
): { requestsPerSecond: number; ok: number } {
  const result = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', UNDICI_LOOP, url, bodyFile, CA, String(count), String(CONCURRENCY)],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`the undici loop failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { requestsPerSecond: number; ok: number };
}

function startReceiver(): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', RECEIVER_SOURCE], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout
      .setEncoding('utf8')
      .once('data', (line: string) => resolve({ child, port: Number(line.trim()) }));
    child.once('error', reject);
  });
}

/** CPU seconds (user + system) of this process's finished children, from /proc (Linux); undefined elsewhere. */
function childrenCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat(5) are cutime and cstime, in clock ticks (100 per second on Linux).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) process `pid` has used, from /proc (Linux); undefined elsewhere. */
function processCpuSeconds(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat(5) are utime and stime, in clock ticks.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds every core of the machine spent busy so far, from /proc/stat (Linux): user, nice,
 * system, irq, softirq and steal (guest time is counted in user already); undefined elsewhere.
 */
function machineBusySeconds(): number | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    return (user! + nice! + system! + irq! + softirq! + steal!) / 100;
  } catch {
    return undefined;
  }
}

async function receivedCount(port: number): Promise<number> {
  const { Agent, request } = await import('undici');
  const dispatcher = new Agent({ connect: { ca: readFileSync(CA, 'utf8') } });
  try {
    const response = await request(`https://127.0.0.1:${port}/count`, { dispatcher });
    return Number(await response.body.text());
  } finally {
    await dispatcher.close();
  }
}

/**
 * A step's result, the CPU seconds its child processes used, and the share of the machine (all
 * cores) that processes other than the bench, the receiver and the client used meanwhile: the
 * noise a shared machine adds (undefined off Linux).
 */
interface WithCpu<T> {
  value: T;
  cpuS: number | undefined;
  othersShare: number | undefined;
}

/** Other processes' share of the machine below which a round counts as quiet. */
const QUIET_SHARE = 0.1;

interface CliRunResult {
  wallMs: number;
  report: { summary: { sent: number; delivered: number; requestsPerSecond: number; elapsedMs: number } };
  samples: Array<{ atMs: number; received: number; rssKiB: number }>;
  peakKiB: number | undefined;
}

/**
 * Runs the CLI, sampling its RSS (and the receiver's count, for progress) every `sampleMs`;
 * throughput runs pass no interval, so the sampler's own requests do not disturb them.
 */
async function runSendSample(args: string[], port: number, sampleMs?: number): Promise<CliRunResult> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  const samples: CliRunResult['samples'] = [];
  let peakKiB: number | undefined;
  let done = false;
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  const sampler = (async () => {
    if (sampleMs === undefined) return;
    const base = await receivedCount(port);
    while (!done) {
      await new Promise((r) => setTimeout(r, sampleMs));
      const rss = readRssKiB(child.pid!);
      if (!rss || done) continue;
      peakKiB = rss.hwm;
      samples.push({
        atMs: Math.round(performance.now() - started),
        received: (await receivedCount(port)) - base,
        rssKiB: rss.rss,
      });
    }
  })();
  const code = await closed;
  done = true;
  await sampler;
  if (code !== 0) throw new Error(`send-sample exited with ${code}`);
  return {
    wallMs: performance.now() - started,
    report: JSON.parse(stdout) as CliRunResult['report'],
    samples,
    peakKiB,
  };
}

function runAutocannon(
  port: number,
  bodyFile: string,
  seconds = DURATION_S,
): { requestsPerSecond: number; total: number; non2xx: number } {
  const result = spawnSync(
    process.execPath,
    [
      AUTOCANNON,
      '-c',
      String(CONCURRENCY),
      '-d',
      String(seconds),
      '-p',
      '1',
      '-m',
      'POST',
      '-H',
      'content-type=application/json',
      '-i',
      bodyFile,
      '--json',
      '--no-progress',
      `https://127.0.0.1:${port}/webhook`,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`autocannon failed: ${result.stderr}`);
  const json = JSON.parse(result.stdout) as {
    requests: { total: number };
    duration: number;
    non2xx: number;
  };
  // Requests answered over the run's wall time, as send-sample and the loop count theirs. Not
  // `requests.average`: that is the mean of per-second samples, and autocannon's one-second ticks
  // come late on a busy machine (4 samples took 4.1 s here), so the mean overstates the rate.
  return {
    requestsPerSecond: json.requests.total / json.duration,
    total: json.requests.total,
    non2xx: json.non2xx,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tc-bench-'));
  const { child: receiver, port } = await startReceiver();
  try {
    const { file: bodyFile, bytes: bodyBytes } = writeTypicalBody(dir);
    const url = `https://127.0.0.1:${port}/webhook`;
    const cli = (count: number) => [
      'send-sample',
      url,
      '--file',
      bodyFile,
      '--ca',
      CA,
      '--count',
      String(count),
      '--concurrency',
      String(CONCURRENCY),
      '--json',
    ];
    console.log(
      `body: ${bodyBytes} bytes (generated OrderIssuedByBuyer); concurrency ${CONCURRENCY}; node ${process.version}`,
    );

    // Warm-up: each client once, the same way and for about as long (autocannon sets the pace),
    // so the receiver's JIT and the files each client loads are warm before any round counts.
    const warmUpRate = runAutocannon(port, bodyFile, WARM_UP_S).requestsPerSecond;
    const warmUpCount = Math.max(2000, Math.round(warmUpRate * WARM_UP_S));
    await runSendSample(cli(warmUpCount), port);
    runUndiciLoop(url, bodyFile, warmUpCount);

    // Rounds: autocannon, send-sample and the bare undici loop run back to back, so a busy machine
    // weighs on all alike, and take turns going first, second and third, so none always meets the
    // receiver just after another; the ratios reported are the medians of the rounds' ratios.
    const ratios: number[] = [];
    const floorRatios: number[] = [];
    const oursToFloor: number[] = [];
    const cpu = { peer: [] as number[], ours: [] as number[], loop: [] as number[] };
    const quietRatios: number[] = [];
    /** Runs `step`; the CPU its child processes used, and what other processes took meanwhile. */
    const withCpu = async <T>(step: () => T | Promise<T>): Promise<WithCpu<T>> => {
      const started = performance.now();
      const before = { children: childrenCpuSeconds(), receiver: processCpuSeconds(receiver.pid) };
      const ownBefore = process.cpuUsage();
      const machineBefore = machineBusySeconds();
      const value = await step();
      const machineAfter = machineBusySeconds();
      const own = process.cpuUsage(ownBefore);
      const children = childrenCpuSeconds();
      const receiverCpu = processCpuSeconds(receiver.pid);
      const cpuS =
        before.children === undefined || children === undefined ? undefined : children - before.children;
      const wallS = (performance.now() - started) / 1000;
      const othersShare =
        cpuS === undefined ||
        machineBefore === undefined ||
        machineAfter === undefined ||
        before.receiver === undefined ||
        receiverCpu === undefined
          ? undefined
          : Math.max(
              0,
              (machineAfter -
                machineBefore -
                cpuS -
                (receiverCpu - before.receiver) -
                (own.user + own.system) / 1e6) /
                (wallS * availableParallelism()),
            );
      return { value, cpuS, othersShare };
    };
    const percent = (share: number | undefined) =>
      share === undefined ? 'n/a' : `${Math.round(share * 100)}%`;
    const perRequest = (seconds: number | undefined, n: number) =>
      seconds === undefined ? 'n/a' : `${((seconds * 1000) / n).toFixed(3)} ms CPU/request`;
    const orders = [
      ['autocannon', 'send-sample', 'loop'],
      ['send-sample', 'loop', 'autocannon'],
      ['loop', 'autocannon', 'send-sample'],
    ] as const;
    // As many requests as autocannon answered in its last run, so the runs last about as long.
    let lastPeerRate = warmUpRate;
    for (let round = 1; round <= ROUNDS; round++) {
      const order = orders[(round - 1) % orders.length]!;
      const count = Math.max(5_000, Math.round(lastPeerRate * DURATION_S));
      let a: WithCpu<ReturnType<typeof runAutocannon>> | undefined;
      let ours: WithCpu<CliRunResult> | undefined;
      let floor: WithCpu<ReturnType<typeof runUndiciLoop>> | undefined;
      for (const client of order) {
        if (client === 'autocannon') a = await withCpu(() => runAutocannon(port, bodyFile));
        else if (client === 'send-sample') ours = await withCpu(() => runSendSample(cli(count), port));
        else floor = await withCpu(() => runUndiciLoop(url, bodyFile, count));
      }
      const peer = a!.value;
      lastPeerRate = peer.requestsPerSecond;
      const s = ours!.value.report.summary;
      const loop = floor!.value;
      const ratio = s.requestsPerSecond / peer.requestsPerSecond;
      ratios.push(ratio);
      const others = [a!.othersShare, ours!.othersShare, floor!.othersShare];
      if (others.every((share) => share !== undefined && share < QUIET_SHARE)) quietRatios.push(ratio);
      floorRatios.push(loop.requestsPerSecond / peer.requestsPerSecond);
      oursToFloor.push(s.requestsPerSecond / loop.requestsPerSecond);
      if (a!.cpuS !== undefined && ours!.cpuS !== undefined && floor!.cpuS !== undefined) {
        cpu.peer.push(a!.cpuS / peer.total);
        cpu.ours.push(ours!.cpuS / s.sent);
        cpu.loop.push(floor!.cpuS / loop.ok);
      }
      console.log(
        `round ${round} (${order.join(', ')}): autocannon ${peer.requestsPerSecond.toFixed(0)} req/s ` +
          `(${peer.total} requests, non-2xx ${peer.non2xx}, ${perRequest(a!.cpuS, peer.total)}); ` +
          `send-sample ${s.requestsPerSecond.toFixed(0)} req/s during the burst, ${((s.sent / ours!.value.wallMs) * 1000).toFixed(0)} req/s ` +
          `with start-up (${s.delivered}/${s.sent} delivered, ${perRequest(ours!.cpuS, s.sent)} incl. start-up); ` +
          `ratio ${ratio.toFixed(2)}; bare undici dispatch loop ${loop.requestsPerSecond.toFixed(0)} req/s ` +
          `(ratio ${(loop.requestsPerSecond / peer.requestsPerSecond).toFixed(2)}, ` +
          `${perRequest(floor!.cpuS, loop.ok)} incl. start-up); other processes took ` +
          `${percent(a!.othersShare)} / ${percent(ours!.othersShare)} / ${percent(floor!.othersShare)} ` +
          `of the machine during autocannon / send-sample / loop`,
      );
    }
    const ratio = median(ratios);
    /** The rounds' lowest and highest ratio: how much the machine moved the figures. */
    const spread = (values: number[]) =>
      `rounds ${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
    console.log(
      `median ratio send-sample / autocannon: ${ratio.toFixed(2)} (${spread(ratios)}; target ≥ ${TARGET_RATIO}) ${ratio >= TARGET_RATIO ? 'OK' : 'BELOW TARGET'}`,
    );
    if (quietRatios.length > 0) {
      console.log(
        `  the same over the ${quietRatios.length} of ${ROUNDS} rounds where other processes took under ` +
          `${QUIET_SHARE * 100}% of the machine throughout: ${median(quietRatios).toFixed(2)} (for reference)`,
      );
    }
    console.log(
      `median ratio bare undici dispatch loop / autocannon: ${median(floorRatios).toFixed(2)} (${spread(floorRatios)}; the HTTP client alone, for reference)`,
    );
    console.log(
      `median ratio send-sample / bare undici dispatch loop: ${median(oursToFloor).toFixed(2)} (${spread(oursToFloor)}; what send-sample costs above its HTTP client)`,
    );
    if (cpu.peer.length > 0) {
      const peerCpu = median(cpu.peer) * 1000;
      const oursCpu = median(cpu.ours) * 1000;
      const loopCpu = cpu.loop.length > 0 ? median(cpu.loop) * 1000 : undefined;
      console.log(
        `median client CPU per request (each process whole, start-up included): autocannon ${peerCpu.toFixed(3)} ms, ` +
          `send-sample ${oursCpu.toFixed(3)} ms (autocannon / send-sample ${(peerCpu / oursCpu).toFixed(2)})` +
          (loopCpu === undefined
            ? ''
            : `, bare undici dispatch loop ${loopCpu.toFixed(3)} ms (autocannon / loop ${(peerCpu / loopCpu).toFixed(2)})`),
      );
    }

    const large = 100_000;
    const small = await runSendSample(cli(10_000), port, 200);
    const big = await runSendSample(cli(large), port, 500);
    console.log(
      `\nmemory: peak RSS ${mb(small.peakKiB)} for 10,000 requests, ${mb(big.peakKiB)} for ${large.toLocaleString('en')} requests`,
    );
    console.log('RSS of the 100,000-request run over time (requests received so far → RSS):');
    const step = Math.max(1, Math.floor(big.samples.length / 12));
    for (const s of big.samples.filter((_, i) => i % step === 0 || i === big.samples.length - 1)) {
      console.log(
        `  ${String(s.atMs).padStart(6)} ms  ${String(s.received).padStart(7)} requests  ${mb(s.rssKiB)}`,
      );
    }
    const at10k = big.samples.find((s) => s.received >= 10_000);
    const later = big.samples.filter((s) => s.received >= 10_000);
    if (at10k && later.length > 0) {
      const highest = Math.max(...later.map((s) => s.rssKiB));
      console.log(
        `RSS at ~10k requests ${mb(at10k.rssKiB)}; highest sample from there to ${later.at(-1)!.received} requests ${mb(highest)} ` +
          `(+${mb(highest - at10k.rssKiB)} for ${(later.at(-1)!.received - at10k.received).toLocaleString('en')} more requests)`,
      );
    }
    if (ratio < TARGET_RATIO) process.exitCode = 1;
  } finally {
    receiver.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
