import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { entriesOf, startListen } from '../helpers/listen-process.js';
import { runCli } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

/**
 * A full disk, as a process sees it: `ulimit -f 1` lets a file grow to 512 bytes, then every write
 * fails (EFBIG) after the first bytes landed, which is what a disk filling up mid-write does.
 */
const FULL = 1;

describe('a full disk: nothing short under a final name, one line, the right answer', () => {
  let dir: string;
  let receiver: Receiver;
  let body: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tc-full-disk-'));
    receiver = await startReceiver({
      auth: { type: 'basic', username: 'u', password: 'p' },
      respond: (req) => (req.body.includes('not a list of lines') ? { status: 400 } : { status: 202 }),
    });
    body = (await runMain(['sample', '--event', 'OrderIssuedByBuyer', '--seed', '5'], { suiteTmpdir: true }))
      .stdout;
    assert.ok(body.length > 512 * FULL);
  });
  after(async () => {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listen --save: the delivery is answered 503 (Tradecloud retries), no file is left', async () => {
    const save = join(dir, 'saved');
    const listen = await startListen(['--http', '--save', save, '--json', '--max-requests', '1'], {
      maxFileBlocks: FULL,
    });
    const answer = await fetch(listen.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    assert.equal(answer.status, 503);
    const run = await listen.exited;
    assert.deepEqual(readdirSync(save), [], 'neither a truncated file nor a temporary one');
    const [entry] = entriesOf(run.stdout);
    assert.equal(entry?.status, 503);
    assert.match(String(entry?.note), /not saved: the file is larger than this process may write/);
  });

  it('doctor --report: the verdict is printed, the report error is one line (exit 2), no short file', async () => {
    const report = join(dir, 'doctor.xml');
    const run = await runCli(
      [
        'doctor',
        receiver.url,
        '--ca',
        ROOT_CA_FILE,
        '--yes',
        '--events',
        'OrderIssuedByBuyer',
        '--auth',
        'basic',
        '--username',
        'u',
        '--password',
        'p',
        '--report',
        report,
      ],
      { maxFileBlocks: FULL },
    );
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stdout, /Ready(: Tradecloud can deliver| but for the certificate)/);
    assert.match(run.stderr, /^tc-webhook: cannot write the report to \S+doctor\.xml: the file is larger/m);
    assert.equal(run.stderr.match(/tc-webhook:/g)?.length, 1, run.stderr);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    assert.deepEqual(
      readdirSync(dir).filter((n) => n.includes('doctor')),
      [],
    );
  });
});
