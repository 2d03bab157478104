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
 * What the two commands start-up is measured on load of Node.js's own modules: node:crypto is a
 * noticeable part of a start, and neither a seeded sample nor a valid payload against the bundled
 * specs needs it (the package build lists the cache keys such a run asks for). A child process
 * (module loading is per process) runs the command in process and prints the built-in modules it
 * loaded.
 */
const PROBE = `
import { Writable } from 'node:stream';
const { main } = await import(${JSON.stringify(join(ROOT, 'dist/src/cli.js'))});
const sink = new Writable({ write(_c, _e, done) { done(); } });
const code = await main(['node', 'tc-webhook', ...process.argv.slice(1)], { stdout: sink, stderr: sink, env: { NO_COLOR: '1' } });
const loaded = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13));
process.stdout.write(JSON.stringify({ code, crypto: loaded.includes('crypto') }));
`;

async function loadsCrypto(args: string[]): Promise<{ code: number; crypto: boolean }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', PROBE, ...args],
    {
      cwd: ROOT,
    },
  );
  return JSON.parse(stdout) as { code: number; crypto: boolean };
}

const VALID = join(ROOT, 'fixtures/payloads/valid');

describe('start-up loads only what the command needs', () => {
  it('sample --seed 1 does not load node:crypto', async () => {
    assert.deepEqual(await loadsCrypto(['sample', '--seed', '1']), { code: 0, crypto: false });
  });

  it('validating valid payloads against the bundled specs does not load node:crypto', async () => {
    const files = [join(VALID, 'order-event.json'), join(VALID, 'shipment.json')];
    assert.deepEqual(await loadsCrypto(['validate', ...files]), { code: 0, crypto: false });
    assert.deepEqual(await loadsCrypto(['validate', '--strict', ...files]), { code: 0, crypto: false });
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
