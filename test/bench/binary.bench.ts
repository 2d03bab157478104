/**
 * The single executable (binaries/tc-webhook-linux-x64) against the Node.js it embeds and against
 * the npm installation, measured in the same run:
 *   1. start-up as real commands, `validate` of one order file and `sample --seed 1`, each as a
 *      ratio to `node -e 0` of the embedded Node.js; the npm installation's ratios beside them (on
 *      this machine's Node.js against its own `node -e 0`, and on the embedded Node.js); and the
 *      floor of the stack: the embedded Node.js as a single executable of an empty script;
 *   2. 1,000 order payloads in one invocation against ajv-cli on the same files and schema.
 * Builds the binary first when it is missing or older than dist/. Prints figures; always exits 0.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEA_FUSE } from '../../src/build/binary-headers.js';
import { loadBodySchema } from '../../src/core/schema/load-body-schema.js';
import { toJsonSchema } from '../../src/core/schema/to-json-schema.js';
import { readValidFixture } from './validate-fixtures.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin/tc-webhook.js');
const BINARIES = join(ROOT, 'binaries');
const BINARY = join(BINARIES, 'tc-webhook-linux-x64');
const require = createRequire(import.meta.url);
const AJV_CLI = require.resolve('ajv-cli/dist/index.js');
const POSTJECT = require.resolve('postject/dist/cli.js');
const ORDER = join(ROOT, 'fixtures/payloads/valid/order-event.json');
const work = mkdtempSync(join(tmpdir(), 'tcw-binary-bench-'));

interface BuildManifest {
  binaries: { file: string; node: string; bytes: number; embeddedNode?: string }[];
}

/** The binary, built from the current dist/ when it is missing or older. */
function ensureBinary(): { embeddedNode: string; node: string; bytes: number } {
  const built = join(ROOT, 'dist/src/build-info.js');
  const fresh = existsSync(BINARY) && statSync(BINARY).mtimeMs >= statSync(built).mtimeMs;
  if (!fresh) {
    console.log('building binaries/tc-webhook-linux-x64 (node scripts/build-binary.mjs --only linux-x64)…');
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-binary.mjs'), '--only', 'linux-x64'], {
      stdio: 'inherit',
    });
    if (r.status !== 0) throw new Error('the binary build failed');
  }
  const manifest = JSON.parse(readFileSync(join(BINARIES, 'build.json'), 'utf8')) as BuildManifest;
  const host = manifest.binaries.find((b) => b.file === 'tc-webhook-linux-x64');
  if (!host?.embeddedNode) throw new Error('binaries/build.json does not name the embedded Node.js');
  return { embeddedNode: host.embeddedNode, node: host.node, bytes: host.bytes };
}

/**
 * The floor under the binary's start-up: the embedded Node.js as a single executable whose script
 * is empty, made the way scripts/build-binary.mjs makes the binary (same Node.js, a code cache).
 */
function buildEmptyBinary(embeddedNode: string): string {
  const dir = join(work, 'empty-binary');
  mkdirSync(dir);
  const config = join(dir, 'sea-config.json');
  const blob = join(dir, 'empty.blob');
  writeFileSync(join(dir, 'empty.cjs'), '');
  writeFileSync(
    config,
    JSON.stringify({
      main: join(dir, 'empty.cjs'),
      output: blob,
      disableExperimentalSEAWarning: true,
      useCodeCache: true,
    }),
  );
  const output = join(dir, 'empty');
  copyFileSync(embeddedNode, output);
  chmodSync(output, 0o755);
  for (const [command, args] of [
    [embeddedNode, ['--experimental-sea-config', config]],
    [process.execPath, [POSTJECT, output, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE]],
  ] as const) {
    const r = spawnSync(command, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`building the empty binary failed: ${r.stdout}${r.stderr}`);
  }
  return output;
}

/** Wall-clock milliseconds of one run, the schema cache in a folder of its own (TMPDIR). */
function run(
  command: string,
  args: string[],
  tmp = work,
): { ms: number; status: number | null; out: string } {
  const started = process.hrtime.bigint();
  const r = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    ms: Number(process.hrtime.bigint() - started) / 1e6,
    status: r.status,
    out: r.stdout + r.stderr,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Medians over `rounds`, the commands taking turns (and turns going first), so a busy moment weighs on all. */
function interleaved(rounds: number, commands: [string, string[]][]): number[] {
  const times = commands.map(() => [] as number[]);
  for (let i = 0; i < rounds; i++) {
    for (let j = 0; j < commands.length; j++) {
      const k = (i + j) % commands.length;
      const [command, args] = commands[k]!;
      times[k]!.push(run(command, args).ms);
    }
  }
  return times.map(median);
}

const f = (ms: number) => `${ms.toFixed(0).padStart(5)} ms`;
const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const verdict = (value: number, target: number, what: string) =>
  value <= target ? `target met: ≤ ${target}× ${what}` : `TARGET MISSED: ≤ ${target}× ${what}`;

try {
  const { embeddedNode, node, bytes } = ensureBinary();
  const host = process.execPath;
  console.log(
    `binary: ${(bytes / 2 ** 20).toFixed(1)} MiB, Node.js ${node} inside; npm installation on this machine's Node.js ${process.version}`,
  );

  // 1. Start-up.
  const emptyBinary = buildEmptyBinary(embeddedNode);
  /** Each command by name; the figures come back under the same names. */
  const commands = {
    e0: [embeddedNode, ['-e', '0']],
    empty: [emptyBinary, []],
    binValidate: [BINARY, ['validate', ORDER]],
    binSample: [BINARY, ['sample', '--seed', '1']],
    binVersion: [BINARY, ['--version']],
    hostE0: [host, ['-e', '0']],
    npmValidate: [host, [BIN, 'validate', ORDER]],
    npmSample: [host, [BIN, 'sample', '--seed', '1']],
    npmVersion: [host, [BIN, '--version']],
    npm24Validate: [embeddedNode, [BIN, 'validate', ORDER]],
    npm24Sample: [embeddedNode, [BIN, 'sample', '--seed', '1']],
    npm24Version: [embeddedNode, [BIN, '--version']],
  } satisfies Record<string, [string, string[]]>;
  const names = Object.keys(commands) as (keyof typeof commands)[];
  for (const [command, args] of Object.values(commands)) {
    const check = run(command, args);
    if (check.status !== 0)
      throw new Error(`${command} ${args.join(' ')}: exit ${check.status}\n${check.out}`);
  }
  const rounds = 15;
  const medians = interleaved(
    rounds,
    names.map((name) => commands[name]),
  );
  const ms = Object.fromEntries(names.map((name, i) => [name, medians[i]!])) as Record<
    keyof typeof commands,
    number
  >;
  const { e0, empty, binValidate, binSample, binVersion, hostE0 } = ms;
  const { npmValidate, npmSample, npmVersion, npm24Validate, npm24Sample, npm24Version } = ms;
  console.log(`\n1. start-up as real commands (median of ${rounds} runs each, taking turns)`);
  console.log(`   node -e 0, Node.js ${node} (embedded)   ${f(e0)}`);
  console.log(`   node -e 0, Node.js ${process.version} (this machine)   ${f(hostE0)}`);
  console.log(
    `   floor: Node.js ${node} as a single executable of an empty script   ${f(empty)} ${x(empty, e0)}`,
  );
  console.log(
    '                                   binary              npm install (this Node)   npm install (Node 24)',
  );
  const row = (name: string, bin: number, npm: number, npm24: number) =>
    console.log(
      `   ${name.padEnd(28)} ${f(bin)} ${x(bin, e0).padStart(6)}   ${f(npm)} ${x(npm, hostE0).padStart(6)}        ${f(npm24)} ${x(npm24, e0).padStart(6)}`,
    );
  row('validate one order file', binValidate, npmValidate, npm24Validate);
  row('sample --seed 1', binSample, npmSample, npm24Sample);
  // The tool loaded (its code, commander, the output streams) and no command run: what every
  // command pays before its own work.
  row('--version (no command run)', binVersion, npmVersion, npm24Version);
  console.log(`   binary, validate: ${verdict(binValidate / e0, 1.3, 'node -e 0')}`);
  console.log(`   binary, sample:   ${verdict(binSample / e0, 1.3, 'node -e 0')}`);

  // 2. 1,000 typical order payloads; ajv-cli gets the bundled order body schema (enums included).
  const dir = join(work, 'payloads');
  mkdirSync(dir);
  const kinds = ['order-event.json', 'single-delivery-order-event.json', 'order-documents-event.json'].map(
    readValidFixture,
  );
  for (let i = 0; i < 1000; i++) {
    writeFileSync(join(dir, `payload-${String(i).padStart(4, '0')}.json`), kinds[i % kinds.length]!);
  }
  const body = await loadBodySchema({ kind: 'order', cacheDir: false });
  const schemaFile = join(work, 'order-body-schema.json');
  writeFileSync(
    schemaFile,
    JSON.stringify({
      $schema: 'http://json-schema.org/draft-07/schema#',
      ...toJsonSchema(body.schema, body.dialect, 'bundled'),
    }),
  );
  const ajvArgs = [AJV_CLI, 'validate', '-s', schemaFile, '-d', `${dir}/*.json`, '--spec=draft7'];
  const ajvFlags = ['-c', 'ajv-formats', '--strict=false', '--all-errors'];
  const batch: [string, string[]][] = [
    [host, [...ajvArgs, ...ajvFlags]],
    [BINARY, ['validate', dir]],
    [host, [BIN, 'validate', dir]],
  ];
  const binCheck = run(BINARY, ['validate', dir]);
  const [ajv, binBatch, npmBatch] = interleaved(5, batch) as [number, number, number];
  console.log('\n2. 1,000 order payloads in one invocation (median of 5, taking turns)');
  console.log(`   ajv-cli 5 (draft-07, ajv-formats, this Node)   ${f(ajv)}`);
  console.log(
    `   binary                                        ${f(binBatch)}   ${x(binBatch, ajv)} of ajv-cli   exit ${binCheck.status}`,
  );
  console.log(
    `   npm install (this Node)                       ${f(npmBatch)}   ${x(npmBatch, ajv)} of ajv-cli`,
  );
  console.log(`   binary: ${verdict(binBatch / ajv, 0.55, 'ajv-cli')}`);
} catch (error) {
  console.log(`binary bench: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
