import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { PRECOMPILED_FOLDER } from '../../src/core/files/shipped-files.js';
import { KNOWN_CACHE_KEYS_FILE } from '../../src/core/schema/known-cache-keys.js';
import { ROOT } from '../helpers/run-cli.js';

/**
 * What the two commands start-up is measured on load: node:crypto is a noticeable part of a start,
 * and neither a seeded sample nor a valid payload against the bundled specs needs it (the package
 * build lists the cache keys such a run asks for); nor node:child_process, which commander loads
 * for executable subcommands only (the build's prepared commander defers it); nor
 * fastest-levenshtein, which only a "did you mean" needs. A child process (module loading is per
 * process) runs the command in process and prints what it loaded.
 */
const PROBE = `
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
const { main } = await import(${JSON.stringify(join(ROOT, 'dist/src/cli.js'))});
const sink = new Writable({ write(_c, _e, done) { done(); } });
const code = await main(['node', 'tc-webhook', ...process.argv.slice(1)], { stdout: sink, stderr: sink, env: { NO_COLOR: '1' } });
const loaded = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13));
const packages = Object.keys(createRequire(import.meta.url).cache).filter((f) => f.includes('/node_modules/'));
process.stdout.write(JSON.stringify({
  code,
  crypto: loaded.includes('crypto'),
  childProcess: loaded.includes('child_process'),
  levenshtein: packages.some((f) => f.includes('/node_modules/fastest-levenshtein/')),
}));
`;

interface Loaded {
  code: number;
  crypto: boolean;
  childProcess: boolean;
  levenshtein: boolean;
}

const NEEDED_ONLY: Loaded = { code: 0, crypto: false, childProcess: false, levenshtein: false };

async function loads(args: string[]): Promise<Loaded> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', PROBE, ...args],
    {
      cwd: ROOT,
    },
  );
  return JSON.parse(stdout) as Loaded;
}

const VALID = join(ROOT, 'fixtures/payloads/valid');

describe('start-up loads only what the command needs', () => {
  it('sample --seed 1 loads neither node:crypto, node:child_process nor fastest-levenshtein', async () => {
    assert.deepEqual(await loads(['sample', '--seed', '1']), NEEDED_ONLY);
  });

  it('validating valid payloads against the bundled specs loads none of them either', async () => {
    const files = [join(VALID, 'order-event.json'), join(VALID, 'shipment.json')];
    assert.deepEqual(await loads(['validate', ...files]), NEEDED_ONLY);
    assert.deepEqual(await loads(['validate', '--strict', ...files]), NEEDED_ONLY);
  });

  it('the probe sees fastest-levenshtein once a name needs a "did you mean"', async () => {
    const loaded = await loads(['sample', '--event', 'OrderIssuedByBuyr']);
    assert.equal(loaded.code, 2);
    assert.equal(loaded.levenshtein, true);
  });

  it('the keys the package build lists are the hashes of their inputs', () => {
    const listed = JSON.parse(
      readFileSync(join(ROOT, PRECOMPILED_FOLDER, KNOWN_CACHE_KEYS_FILE), 'utf8'),
    ) as [string, string][];
    assert.ok(listed.length >= 6, 'a spec key and two validator notes for each bundled spec');
    for (const [input, key] of listed)
      assert.equal(key, createHash('sha256').update(input).digest('hex').slice(0, 40));
  });
});
