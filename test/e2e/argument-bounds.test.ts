import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runMain } from '../helpers/run-main.js';

/** One usage line on stderr, nothing else. */
function assertOneUsageLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, stderr);
  assert.match(lines[0]!, /^tc-webhook: /);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(stderr, /internal error|\bat .+:\d+:\d+/);
}

describe('out-of-range ports and empty paths are usage errors (exit 2, one line)', () => {
  for (const port of ['65536', '99999', '-1', 'abc']) {
    it(`listen --port ${port}`, async () => {
      const r = await runMain(['listen', '--http', '--port', port]);
      assert.equal(r.code, 2, r.stderr);
      assertOneUsageLine(r.stderr, /--port must be/);
      assert.equal(r.stdout, '');
    });
  }

  it('listen --port 65536 --json: the usage error object', async () => {
    const r = await runMain(['listen', '--http', '--port', '65536', '--json']);
    assert.equal(r.code, 2);
    const { error } = JSON.parse(r.stdout) as { error: { code: string; message: string } };
    assert.equal(error.code, 'usage.invalid-argument');
    assert.match(error.message, /--port must be a port from 0 to 65535, got "65536"/);
  });

  it('api-mock --port 65536', async () => {
    const r = await runMain([
      'api-mock',
      '--http',
      '--port',
      '65536',
      '--api-username',
      'user',
      '--api-password',
      'a-password-long-enough',
    ]);
    assert.equal(r.code, 2, r.stderr);
    assertOneUsageLine(r.stderr, /--port must be a port from 0 to 65535/);
  });

  for (const args of [[''], ['fixtures/payloads/valid', ''], ['  ']]) {
    it(`validate ${args.map((a) => JSON.stringify(a)).join(' ')} does not validate the current folder`, async () => {
      const r = await runMain(['validate', ...args, '--json']);
      assert.equal(r.code, 2, r.stderr);
      assertOneUsageLine(r.stderr, /empty file or directory name is not a path/);
      const { error } = JSON.parse(r.stdout) as { error: { code: string } };
      assert.equal(error.code, 'usage.invalid-argument');
    });
  }
});
