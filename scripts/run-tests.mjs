#!/usr/bin/env node
// Runs the test suite from its sources: each test/**/*.test.ts (benchmarks aside) is run as its
// compiled dist/test/**/*.test.js. A compiled test whose source was deleted or renamed is never run,
// and a source without its compiled file stops the run ("run `npm run build`"). As many test files
// run at once as the machine has cores (TEST_CONCURRENCY overrides). Arguments go to `node --test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** test/**\/*.test.ts, sorted, as paths relative to the repository. */
function testSources(dir) {
  const found = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (path !== 'test/bench') found.push(...testSources(path));
    } else if (entry.name.endsWith('.test.ts')) found.push(path);
  }
  return found.sort();
}

const compiled = testSources('test').map((source) => `dist/${source.slice(0, -'.ts'.length)}.js`);
const missing = compiled.filter((file) => !existsSync(join(root, file)));
if (missing.length > 0) {
  console.error(`run-tests: ${missing[0]} is not built (${missing.length} missing): run \`npm run build\``);
  process.exit(2);
}
const concurrency = Number(process.env.TEST_CONCURRENCY) || availableParallelism();
const result = spawnSync(
  process.execPath,
  ['--test', `--test-concurrency=${concurrency}`, ...process.argv.slice(2), ...compiled],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
