import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { entriesOf, startListen } from '../helpers/listen-process.js';
import { BIN, ROOT } from '../helpers/run-cli.js';

/** Runs the CLI with stdout going where `stdout` says; resolves with the exit code and stderr. */
function runWithStdout(
  args: string[],
  stdout: 'closed-at-once' | number,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', stdout === 'closed-at-once' ? 'pipe' : stdout, 'pipe'],
    });
    // The reader has gone before the first byte: every write the CLI makes meets a closed pipe.
    if (stdout === 'closed-at-once') child.stdout!.destroy();
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a closed or full stdout', () => {
  it('a closed pipe (`schema | head`) ends quietly with the exit code the command would have had', async () => {
    const [ok, invalid] = await Promise.all([
      runWithStdout(['schema', '--type', 'order'], 'closed-at-once'),
      runWithStdout(['validate', 'fixtures/payloads/invalid/bad-date.json'], 'closed-at-once'),
    ]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stderr, '');
    assert.equal(invalid.code, 1, invalid.stderr);
    assert.doesNotMatch(invalid.stderr, /EPIPE|\n\s+at /);
  });

  it('a full disk (`sample > /dev/full`) is one line, exit 2', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = await runWithStdout(['sample', '--event', 'OrderIssuedByBuyer'], full);
      assert.equal(run.code, 2, run.stderr);
      assert.equal(
        run.stderr,
        'tc-webhook: cannot write the output: no space left on the device. Free some space, or send the output elsewhere\n',
      );
    } finally {
      closeSync(full);
    }
  });

  it('`listen --json | head`: once the reader has gone, listen stops as on Ctrl-C', async () => {
    const listen = await startListen(['--http', '--json'], { killAfterMs: 20_000 });
    const send = () => fetch(listen.url, { method: 'POST', body: '{"eventName":"OrderIssuedByBuyer"}' });
    assert.equal((await send()).status, 200);
    while (entriesOf(listen.stdout()).length === 0) await sleep(10);
    listen.closeStdout();
    assert.equal((await send()).status, 200);
    const run = await listen.exited;
    assert.equal(run.code, 1, run.stderr); // the deliveries were invalid, as after Ctrl-C
    assert.match(run.stderr, /stopped: 2 requests/);
    assert.doesNotMatch(run.stderr, /EPIPE|\n\s+at /);
  });
});
