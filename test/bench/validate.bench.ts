/**
 * `tc-webhook validate` speed and memory against its peers, measured in the same run:
 *   1. start-up as real commands: `validate` of one order file and `sample --seed 1`, each against
 *      `node -e 0` in the same run;
 *   2. 1,000 typical payloads in one invocation against ajv-cli on the same files and the same
 *      (bundled) body schema. The headline is the cold first run (the schema cache deleted before
 *      each run, so only what the package build precompiled helps); the warm cache run and a cold
 *      run of a copy of the installation without the precompiled schemas are shown as well;
 *   3. a 30 MB payload against JSON.parse plus a precompiled ajv validator in one process.
 * The 100 MB tXML body is measured by txml.bench.ts.
 * Run after building: `node dist/test/bench/validate.bench.js`. Prints figures; always exits 0.
 */
import { createRequire } from 'node:module';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fullValidatorKey } from '../../src/core/schema/create-body-validator.js';
import { loadBodySchema } from '../../src/core/schema/load-body-schema.js';
import { precompiledSchemaDir } from '../../src/core/schema/precompiled-schemas.js';
import { codeCacheFile } from '../../src/core/schema/schema-cache.js';
import { toJsonSchema } from '../../src/core/schema/to-json-schema.js';
import { run, runCliWithMemory, type Timed } from './run-measured.js';
import { buildLargeOrderPayload, readValidFixture } from './validate-fixtures.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin/tc-webhook.js');
const require = createRequire(import.meta.url);
const AJV_CLI = require.resolve('ajv-cli/dist/index.js');
const work = mkdtempSync(join(tmpdir(), 'tcw-validate-bench-'));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Medians of each command over `times` rounds, run in turn so that a busy moment weighs on all alike. */
function interleavedMedians(times: number, commands: string[][]): number[] {
  const runs = commands.map(() => [] as number[]);
  for (let i = 0; i < times; i++) commands.forEach((args, k) => runs[k]!.push(run(args).ms));
  return runs.map(median);
}

const f = (ms: number) => `${ms.toFixed(0)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const verdict = (value: number, target: number) => (value <= target ? 'target met' : 'TARGET MISSED');

/**
 * A copy of the installation without dist/src/schemas/precompiled (the code, the YAML and the
 * dependencies as they are): the path a run takes when the package build did not precompile.
 */
function copyWithoutPrecompiled(): string {
  const copy = join(work, 'without-precompiled');
  const skip = join(ROOT, 'dist/src/schemas/precompiled');
  mkdirSync(join(copy, 'bin'), { recursive: true });
  copyFileSync(BIN, join(copy, 'bin/tc-webhook.js'));
  copyFileSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
  cpSync(join(ROOT, 'src/schemas'), join(copy, 'src/schemas'), { recursive: true });
  cpSync(join(ROOT, 'dist/src'), join(copy, 'dist/src'), {
    recursive: true,
    filter: (from) => from !== skip && !from.startsWith(skip + sep),
  });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return join(copy, 'bin/tc-webhook.js');
}

/**
 * The floor under any `validate` built on the bundled validator: a process that loads the very
 * code the package build precompiled (with its V8 code cache), then for each file only reads it,
 * JSON.parses it, runs the validator and writes one line. No argument parsing, no kind detection,
 * no policy notices, no positions, no report.
 */
const FLOOR_SCRIPT = `
  const { readFileSync, readdirSync } = await import('node:fs');
  const { loadCompiledCode } = await import(process.argv[1]);
  const [, , codeFile, codeCacheFile, dir] = process.argv;
  const { validate } = loadCompiledCode(readFileSync(codeFile, 'utf8'), readFileSync(codeCacheFile));
  let valid = 0;
  for (const name of readdirSync(dir).sort()) {
    const ok = validate(JSON.parse(readFileSync(dir + '/' + name, 'utf8')));
    if (ok) valid++;
    process.stdout.write(name + (ok ? ' valid' : ' invalid') + '\\n');
  }
  if (valid === 0) process.exitCode = 1;`;

/** Where the package build put the lenient (default) order validator, found by its own cache key. */
async function bundledOrderValidatorFiles(): Promise<{ code: string; codeCache: string }> {
  const body = await loadBodySchema({ kind: 'order', cacheDir: false });
  const key = await fullValidatorKey(body, { strict: false });
  const dir = precompiledSchemaDir();
  // The build's code cache, named by the V8 tag of the Node.js that built it: the bench itself runs
  // with --expose-gc, a flag that changes the tag, so the file is found by its key, not named.
  const cacheName = readdirSync(dir).find((f) => f.startsWith(`${key}.v8-`) && f.endsWith('.bin'));
  const files = { code: join(dir, `${key}.cjs`), codeCache: join(dir, cacheName ?? codeCacheFile(key)) };
  for (const file of Object.values(files)) {
    if (!existsSync(file)) throw new Error(`the precompiled validator is not at ${file}: run npm run build`);
  }
  return files;
}

try {
  // 1. Start-up, as real commands: the tool loaded, the work of one small command done.
  const validateOne = [BIN, 'validate', join(ROOT, 'fixtures/payloads/valid/order-event.json')];
  const sampleOne = [BIN, 'sample', '--seed', '1'];
  for (let i = 0; i < 3; i++) run(validateOne); // warm the file cache
  const [nodeStart, validateStart, sampleStart, versionStart] = interleavedMedians(20, [
    ['-e', '0'],
    validateOne,
    sampleOne,
    [BIN, '--version'],
  ]) as [number, number, number, number];
  console.log('1. start-up (median of 20 runs each, taking turns)');
  console.log(`   node -e 0                          ${f(nodeStart)}`);
  console.log(
    `   tc-webhook validate order-event.json ${f(validateStart)}   ${ratio(validateStart, nodeStart)} of node  (${verdict(validateStart / nodeStart, 1.91)}: ≤ 1.91×)`,
  );
  console.log(
    `   tc-webhook sample --seed 1         ${f(sampleStart)}   ${ratio(sampleStart, nodeStart)} of node  (${verdict(sampleStart / nodeStart, 1.76)}: ≤ 1.76×)`,
  );
  // The tool loaded and no command run: what every command pays before its own work.
  console.log(
    `   tc-webhook --version               ${f(versionStart)}   ${ratio(versionStart, nodeStart)} of node`,
  );

  // 2. 1,000 typical payloads, the bundled order body schema (enums included) for ajv-cli.
  const dir = join(work, 'payloads');
  mkdirSync(dir);
  const kinds = ['order-event.json', 'single-delivery-order-event.json', 'order-documents-event.json'].map(
    readValidFixture,
  );
  for (let i = 0; i < 1000; i++) {
    writeFileSync(join(dir, `payload-${String(i).padStart(4, '0')}.json`), kinds[i % kinds.length]!);
  }
  const body = await loadBodySchema({ kind: 'order', cacheDir: false });
  const plain = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    ...toJsonSchema(body.schema, body.dialect, 'bundled'),
  };
  const schemaFile = join(work, 'order-body-schema.json');
  writeFileSync(schemaFile, JSON.stringify(plain));

  const ajvArgs = [
    AJV_CLI,
    'validate',
    '-s',
    schemaFile,
    '-d',
    `${dir}/*.json`,
    '--spec=draft7',
    '-c',
    'ajv-formats',
    '--strict=false',
    '--all-errors',
  ];
  const ajvCheck = run(ajvArgs);
  const ajvValid = (ajvCheck.stdout + ajvCheck.stderr).match(/ valid$/gm)?.length ?? 0;
  // Each variant runs with its own TMPDIR, so the schema cache is this bench's alone.
  const coldHome = mkdtempSync(join(work, 'cold-'));
  const warmHome = mkdtempSync(join(work, 'warm-'));
  const cacheIn = (home: string) => join(home, `tc-webhook-cache-${userInfo().uid}`);
  const timeCold = (bin: string, files: string): Timed => {
    rmSync(cacheIn(coldHome), { recursive: true, force: true });
    if (existsSync(cacheIn(coldHome))) throw new Error('the schema cache could not be cleared');
    return run([bin, 'validate', files], { TMPDIR: coldHome });
  };
  const unprecompiled = copyWithoutPrecompiled();
  const validatorFiles = await bundledOrderValidatorFiles();
  const floorArgs = [
    '--input-type=module',
    '-e',
    FLOOR_SCRIPT,
    join(ROOT, 'dist/src/core/schema/compile-schema.js'),
    validatorFiles.code,
    validatorFiles.codeCache,
    dir,
  ];
  const floorCheck = run(floorArgs);
  const floorValid = floorCheck.stdout.match(/ valid$/gm)?.length ?? 0;
  const oursCheck = timeCold(BIN, dir);
  run([BIN, 'validate', dir], { TMPDIR: warmHome }); // fills the warm cache
  const cold: number[] = [];
  const coldFallback: number[] = [];
  const warmRuns: number[] = [];
  const ajvRuns: number[] = [];
  const floorRuns: number[] = [];
  // Interleaved, so that a busy moment of the machine weighs on every variant alike.
  for (let i = 0; i < 5; i++) {
    ajvRuns.push(run(ajvArgs).ms);
    cold.push(timeCold(BIN, dir).ms);
    warmRuns.push(run([BIN, 'validate', dir], { TMPDIR: warmHome }).ms);
    coldFallback.push(timeCold(unprecompiled, dir).ms);
    floorRuns.push(run(floorArgs).ms);
  }
  const floor = median(floorRuns);
  const ajv = median(ajvRuns);
  const headline = median(cold);
  const warm = median(warmRuns);
  const fallback = median(coldFallback);
  console.log('\n2. 1,000 order payloads in one invocation (median of 5)');
  console.log(
    `   ajv-cli 5 (draft-07, ajv-formats)       ${f(ajv)}   (${ajvValid} reported valid, exit ${ajvCheck.status})`,
  );
  console.log(
    `   tc-webhook, cold (first run)            ${f(headline)}   ${ratio(headline, ajv)} of ajv-cli  (${verdict(headline / ajv, 0.5)}: ≤ 0.5×)   exit ${oursCheck.status}`,
  );
  console.log(`   tc-webhook, warm schema cache           ${f(warm)}   ${ratio(warm, ajv)} of ajv-cli`);
  console.log(
    `   cold, without precompiled schemas       ${f(fallback)}   ${ratio(fallback, ajv)} of ajv-cli  (the fallback: YAML parse and ajv compile)`,
  );
  console.log(
    `   floor: the bundled validator alone      ${f(floor)}   ${ratio(floor, ajv)} of ajv-cli  (${floorValid} valid, exit ${floorCheck.status}; ` +
      `node start, read, JSON.parse, validate, a line per file: no CLI, no checks beyond the schema, no positions)`,
  );
  console.log(
    `   what the CLI costs above the floor      ${f(headline - floor)}; the target leaves it ${f(ajv * 0.5 - floor)}`,
  );
  const fixtures = join(ROOT, 'fixtures/payloads/valid');
  const fixturesCold = median([0, 1, 2, 3, 4].map(() => timeCold(BIN, fixtures).ms));
  const fixturesFallback = median([0, 1, 2, 3, 4].map(() => timeCold(unprecompiled, fixtures).ms));
  console.log(
    `   the valid fixtures (order and shipment, JSON and tXML), cold: ${f(fixturesCold)}; without precompiled schemas ${f(fixturesFallback)}`,
  );
  const dirMemory = runCliWithMemory(['validate', dir], {});
  console.log(`   tc-webhook peak memory              ${dirMemory.maxRssMb.toFixed(0)} MB (maxRSS)`);
  for (let i = 1000; i < 3000; i++) {
    writeFileSync(join(dir, `payload-${String(i).padStart(4, '0')}.json`), kinds[i % kinds.length]!);
  }
  const manyMemory = runCliWithMemory(['validate', dir], {});
  console.log(
    `   3,000 payloads: ${f(manyMemory.ms)}, peak memory ${manyMemory.maxRssMb.toFixed(0)} MB (files are read one at a time)`,
  );

  // 3. A 30 MB payload.
  const bigFile = join(work, 'big.json');
  writeFileSync(bigFile, buildLargeOrderPayload(30_000_000));
  const baselineScript = `
    const { readFileSync } = await import('node:fs');
    const Ajv = (await import('ajv')).default.default;
    const addFormats = (await import('ajv-formats')).default.default;
    const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(${JSON.stringify(schemaFile)}, 'utf8')));
    const t0 = performance.now();
    const valid = validate(JSON.parse(readFileSync(${JSON.stringify(bigFile)}, 'utf8')));
    const ms = performance.now() - t0;
    process.stdout.write(JSON.stringify({ ms, valid, maxRSS: process.resourceUsage().maxRSS }));`;
  const baselineRuns = [0, 1, 2].map(
    () =>
      JSON.parse(run(['--input-type=module', '-e', baselineScript]).stdout) as {
        ms: number;
        valid: boolean;
        maxRSS: number;
      },
  );
  const baseline = median(baselineRuns.map((r) => r.ms));
  const ourBigRuns = [0, 1, 2].map(() => runCliWithMemory(['validate', bigFile], {}));
  const ourBig = median(ourBigRuns.map((r) => r.ms));
  const emptyRun = median(
    [0, 1, 2].map(
      () => runCliWithMemory(['validate', join(ROOT, 'fixtures/payloads/valid/order-event.json')], {}).ms,
    ),
  );
  const ourBigWork = ourBig - emptyRun;
  console.log('\n3. one 30 MB payload (median of 3)');
  console.log(
    `   JSON.parse + precompiled ajv, in process   ${f(baseline)}   (valid: ${baselineRuns[0]!.valid}, peak ${(baselineRuns[0]!.maxRSS / 1024).toFixed(0)} MB)`,
  );
  console.log(
    `   tc-webhook validate, whole run              ${f(ourBig)}   (exit ${ourBigRuns[0]!.status}, peak ${ourBigRuns[0]!.maxRssMb.toFixed(0)} MB)`,
  );
  console.log(
    `   tc-webhook, minus a run on a small file     ${f(ourBigWork)}   ${ratio(ourBigWork, baseline)} of the baseline  (${verdict(ourBigWork / baseline, 2)}: ≤ 2×)`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
