import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/run-cli.js';

const UNUSED = 'https://127.0.0.1:1/';

describe('durations a timer cannot wait are usage errors (real CLI)', () => {
  for (const [args, flag] of [
    [['send-sample', UNUSED, '--timeout', '99999999999'], '--timeout'],
    [['send-sample', UNUSED, '--retry-base-ms', '99999999999'], '--retry-base-ms'],
    [['check-tls', UNUSED, '--timeout', '2147483648'], '--timeout'],
    [['doctor', UNUSED, '--timeout', '99999999999', '--yes'], '--timeout'],
    [['doctor', UNUSED, '--slow-ms', '99999999999', '--yes'], '--slow-ms'],
    [['validate', 'fixtures', '--spec', UNUSED, '--timeout', '99999999999'], '--timeout'],
  ] as const) {
    it(`${args[0]} ${flag} over 2147483647 ms: exit 2, named, no Node warning`, async () => {
      const run = await runCli([...args]);
      assert.equal(run.code, 2, run.stderr);
      assert.equal(run.stdout, '');
      assert.match(run.stderr.split('\n')[0]!, new RegExp(`${flag} must be at most 2147483647 ms`));
      assert.doesNotMatch(run.stderr, /TimeoutOverflowWarning|cannot connect/);
    });
  }

  it('the largest timer value itself is accepted', async () => {
    const run = await runCli(['send-sample', UNUSED, '--timeout', '2147483647', '--dry-run']);
    assert.equal(run.code, 0, run.stderr);
  });

  it('a --retry-base-ms whose last doubling overflows is refused before anything is sent', async () => {
    const run = await runCli([
      'send-sample',
      UNUSED,
      '--retry',
      '--retry-base-ms',
      '1000000000',
      '--max-retries',
      '3',
    ]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.match(run.stderr, /--retry-base-ms 1000000000 doubled over --max-retries 3 exceeds/);
    const fits = await runCli([
      'send-sample',
      UNUSED,
      '--retry',
      '--retry-base-ms',
      '500000000',
      '--max-retries',
      '3',
      '--dry-run',
    ]);
    assert.equal(fits.code, 0, fits.stderr);
  });
});
