import assert from 'node:assert/strict';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { entriesOf } from '../helpers/listen-process.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { runMain, startMain } from '../helpers/run-main.js';

/** A folder nobody may write in: as root, permissions do not stop a write, so a read-only file system. */
function readOnlyFolder(base: string): string {
  if (process.getuid?.() === 0) return '/sys';
  const dir = join(base, 'read-only');
  mkdirSync(dir);
  chmodSync(dir, 0o555);
  return dir;
}

describe('listen --save: acknowledged means saved', () => {
  let base: string;
  let upstream: Receiver;
  let BODY: string;
  before(async () => {
    BODY = (await runMain(['sample', '--event', 'OrderIssuedByBuyer', '--seed', '5'], { suiteTmpdir: true }))
      .stdout;
    base = mkdtempSync(join(tmpdir(), 'tc-listen-save-'));
    upstream = await startReceiver({ statuses: [202] });
  });
  after(async () => {
    await upstream.close();
    rmSync(base, { recursive: true, force: true });
  });

  const listen = (dir: string, extra: string[] = []) =>
    startMain(['listen', '--http', '--port', '0', '--save', dir, '--json', ...extra], { suiteTmpdir: true });
  const post = (url: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY });

  it('a folder listen cannot write in stops it at start-up (exit 2, one line)', async () => {
    const run = await runMain(['listen', '--http', '--port', '0', '--save', readOnlyFolder(base)], {
      suiteTmpdir: true,
    });
    assert.equal(run.code, 2, run.stderr);
    assert.match(
      run.stderr,
      /^tc-webhook: cannot use --save \S+: (permission denied|the file system is read-only)/,
    );
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  });

  it('saved whole, no temporary file left; leftovers of an earlier run are swept at start-up', async () => {
    const dir = join(base, 'whole');
    mkdirSync(dir);
    writeFileSync(join(dir, '.000007-OrderIssuedByBuyer.json.partial'), '{"half');
    const run = listen(dir, ['--max-requests', '1']);
    const [, url] = await run.waitFor(/listening on (\S+)/, 'stderr');
    assert.equal((await post(url!)).status, 200);
    const done = await run.done;
    assert.equal(done.code, 0, done.stderr);
    assert.deepEqual(readdirSync(dir), ['000001-OrderIssuedByBuyer.json']);
    assert.equal(readFileSync(join(dir, '000001-OrderIssuedByBuyer.json'), 'utf8'), BODY);
    assert.match(done.stderr, /removed 1 half-written file/);
  });

  it('a delivery that cannot be saved is answered 503, not forwarded, and logged', async () => {
    const dir = join(base, 'vanishing');
    mkdirSync(dir);
    const run = listen(dir, ['--max-requests', '1', '--forward-to', upstream.url, '--ca', ROOT_CA_FILE]);
    const [, url] = await run.waitFor(/listening on (\S+)/, 'stderr');
    // The folder goes away while listen runs (an unmounted disk, a clean-up job).
    rmSync(dir, { recursive: true });
    const answer = await post(url!);
    assert.equal(answer.status, 503);
    const done = await run.done;
    assert.equal(upstream.requests.length, 0, 'not forwarded');
    const entry = entriesOf(done.stdout)[0] as { status: number; note?: string };
    assert.equal(entry.status, 503);
    assert.match(entry.note ?? '', /not saved: no such file or directory/);
    assert.match(done.stderr, /delivery #1 not saved \(answered 503, Tradecloud will retry it\)/);
    assert.equal(existsSync(dir), false, 'nothing recreated');
  });
});
