/**
 * doctor --report: an unwritable report path stops doctor before it sends anything; a write that still
 * fails at the end keeps the verdict on stdout.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { runCli } from '../helpers/run-cli.js';

const ARGS = ['--ca', ROOT_CA_FILE, '--yes', '--events', 'OrderIssuedByBuyer'];
const HINT = 'Check that the folder exists and is writable, or choose another --report path';

describe('doctor --report', () => {
  let dir: string;
  let receiver: Receiver;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tc-webhook-report-'));
    receiver = await startReceiver({});
  });
  after(async () => {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a missing folder, a file in the way, a folder by that name: exit 2, one line, nothing sent', async () => {
    writeFileSync(join(dir, 'plain-file'), 'x');
    mkdirSync(join(dir, 'taken.xml'));
    for (const [file, reason] of [
      [join(dir, 'missing', 'doctor.xml'), `the folder ${join(dir, 'missing')} does not exist`],
      [join(dir, 'plain-file', 'doctor.md'), `${join(dir, 'plain-file')} is not a folder`],
      [join(dir, 'taken.xml'), 'it is a directory'],
    ] as const) {
      const run = await runCli(['doctor', receiver.url, ...ARGS, '--report', file, '--json']);
      assert.equal(run.code, 2, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout), {
        error: { code: 'input', message: `cannot write the report to ${file}: ${reason}`, hint: HINT },
      });
      assert.equal(run.stderr, `tc-webhook: cannot write the report to ${file}: ${reason}. ${HINT}\n`);
      assert.equal(receiver.requests.length, 0, 'nothing was sent');
    }
  });

  it('a folder that disappears during the run: the verdict is printed, then one line, exit 2', async () => {
    const folder = join(dir, 'vanishing');
    mkdirSync(folder);
    const vanishing = await startReceiver({
      respond: () => {
        rmSync(folder, { recursive: true, force: true });
        return { status: 200 };
      },
    });
    try {
      const file = join(folder, 'doctor.xml');
      const run = await runCli(['doctor', vanishing.url, ...ARGS, '--report', file, '--json']);
      assert.equal(run.code, 2, run.stderr);
      const report = JSON.parse(run.stdout) as { requestsSent: number; checks: unknown[] };
      assert.equal(report.requestsSent, 10); // the HSTS GET, one event, one invalid payload, 5 forward-compatibility bodies, one event twice
      // After the announcement of what doctor sends, exactly one line.
      assert.equal(
        run.stderr.split('\n').slice(1).join('\n'),
        `tc-webhook: cannot write the report to ${file}: the folder ${folder} does not exist. ${HINT}\n`,
      );
      mkdirSync(folder);
      const human = await runCli(['doctor', vanishing.url, ...ARGS, '--report', file]);
      assert.equal(human.code, 2);
      assert.match(human.stdout, /requests sent\)/, 'the human verdict too');
      assert.match(human.stderr, /\ntc-webhook: cannot write the report to [^\n]*\n$/);
    } finally {
      await vanishing.close();
    }
  });
});
