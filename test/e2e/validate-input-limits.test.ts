import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { ValidateReport } from '../../src/commands/validate.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const VALID = join(ROOT, 'fixtures/payloads/valid/order-event.json');
const posix = process.platform !== 'win32';
const dir = mkdtempSync(join(tmpdir(), 'tcw-limits-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A file of `bytes` made with truncate: sparse, so no disk space or write time is needed. */
function sparse(name: string, bytes: number): string {
  const path = join(dir, name);
  writeFileSync(path, '');
  truncateSync(path, bytes);
  return path;
}

function fifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

function assertOneLine(r: { code: number | null; stdout: string; stderr: string }, message: RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^tc-webhook: [^\n]+\n$/);
  assert.match(r.stderr, message);
}

describe('tc-webhook validate and send-sample --file: input size limit and special files', () => {
  it('--max-size is in the help of both commands', async () => {
    for (const command of ['validate', 'send-sample']) {
      const r = await runCli([command, '--help']);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /--max-size <bytes>/);
      assert.match(r.stdout, /256\s+MiB/);
    }
  });

  it('/dev/zero stops at the limit: exit 2, one line naming it', { skip: !posix }, async () => {
    const r = await runCli(['validate', '--max-size', '1048576', '/dev/zero'], { killAfterMs: 30_000 });
    assertOneLine(
      r,
      /^tc-webhook: \/dev\/zero is too large: more than the input limit of 1048576 bytes \(1 MiB\)/,
    );
  });

  it('stdin over the limit: exit 2, one line', async () => {
    const r = await runCli(['validate', '--max-size', '1000', '-'], { input: Buffer.alloc(5000, 'y\n') });
    assertOneLine(r, /standard input is too large: more than the input limit of 1000 bytes/);
  });

  it('a file over the 256 MiB default is refused by its size, without reading it', async () => {
    const ascii = sparse('600mb.json', 600 * 1024 * 1024);
    const huge = sparse('3gb.json', 3 * 1024 * 1024 * 1024);
    for (const [path, size] of [
      [ascii, '629145600 bytes \\(600 MiB\\)'],
      [huge, '3221225472 bytes \\(3072 MiB\\)'],
    ] as const) {
      const r = await runCli(['validate', path]);
      assertOneLine(
        r,
        new RegExp(
          `too large: ${size}, over the input limit of 268435456 bytes \\(256 MiB\\)\\. Raise it with --max-size`,
        ),
      );
      assert.doesNotMatch(r.stderr, /UTF-8|ERR_FS_FILE_TOO_LARGE/);
    }
  });

  it('a file inside a directory over --max-size stops the run', async () => {
    const folder = join(dir, 'one-big');
    mkdirSync(folder);
    copyFileSync(VALID, join(folder, 'a.json'));
    writeFileSync(join(folder, 'b.json'), Buffer.alloc(30000, ' '));
    const r = await runCli(['validate', '--max-size', '20000', folder]);
    assertOneLine(r, /one-big\/b\.json is too large: 30000 bytes, over the input limit of 20000 bytes/);
  });

  it(
    'a FIFO inside a directory is skipped with a warning, listed under skipped',
    { skip: !posix },
    async () => {
      const folder = join(dir, 'with-fifo');
      mkdirSync(folder);
      copyFileSync(VALID, join(folder, 'a.json'));
      fifo(join(folder, 'pipe.json'));
      const r = await runCli(['validate', '--json', folder], { killAfterMs: 30_000 });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /^warning: skipped .*with-fifo\/pipe\.json: not a regular file \(a FIFO\)\n$/);
      const report = JSON.parse(r.stdout) as ValidateReport;
      assert.equal(report.summary.files, 1);
      assert.deepEqual(report.skipped, [
        { file: join(folder, 'pipe.json'), reason: 'not a regular file (a FIFO)' },
      ]);
    },
  );

  it('a FIFO named on the command line is read until its writer closes it', { skip: !posix }, async () => {
    const pipe = fifo(join(dir, 'named.json'));
    const running = runCli(['validate', '--json', pipe], { killAfterMs: 30_000 });
    const writer = createWriteStream(pipe);
    writer.end(execFileSync('cat', [VALID]));
    const r = await running;
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    assert.equal((JSON.parse(r.stdout) as ValidateReport).files[0]!.valid, true);
  });

  it('send-sample --file /dev/zero stops at the limit: exit 2, one line', { skip: !posix }, async () => {
    const r = await runCli(
      [
        'send-sample',
        'https://127.0.0.1:9/hook',
        '--dry-run',
        '--max-size',
        '1048576',
        '--file',
        '/dev/zero',
      ],
      { killAfterMs: 30_000 },
    );
    assertOneLine(r, /--file \/dev\/zero is too large: more than the input limit of 1048576 bytes/);
  });

  it('send-sample --file refuses a 3 GB file by its size', async () => {
    const huge = sparse('3gb-replay.json', 3 * 1024 * 1024 * 1024);
    const r = await runCli(['send-sample', 'https://127.0.0.1:9/hook', '--dry-run', '--file', huge]);
    assertOneLine(r, /is too large: 3221225472 bytes \(3072 MiB\), over the input limit of 268435456 bytes/);
  });

  it('send-sample --file skips a FIFO inside a directory with a warning', { skip: !posix }, async () => {
    const folder = join(dir, 'replay-fifo');
    mkdirSync(folder);
    copyFileSync(VALID, join(folder, 'a.json'));
    fifo(join(folder, 'pipe.json'));
    const r = await runCli(
      ['send-sample', 'https://127.0.0.1:9/hook', '--dry-run', '--json', '--file', folder],
      {
        killAfterMs: 30_000,
      },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /warning: skipped .*replay-fifo\/pipe\.json: not a regular file/);
  });
});
