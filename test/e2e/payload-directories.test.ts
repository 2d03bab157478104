import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { ValidateReport } from '../../src/commands/validate.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const VALID = join(ROOT, 'fixtures/payloads/valid');

/** `validate <dir>` and `send-sample --file <dir>` walk a directory the same way, into the same files. */
describe('a payload directory means the same files to validate and send-sample --file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tc-webhook-payload-dir-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'set/orders/older'), { recursive: true });
  mkdirSync(join(dir, 'set/shipments'));
  copyFileSync(join(VALID, 'order-event.json'), join(dir, 'set/orders/order-event.json'));
  copyFileSync(join(VALID, 'order-event.xml'), join(dir, 'set/orders/older/order-event.xml'));
  copyFileSync(join(VALID, 'shipment.json'), join(dir, 'set/shipments/shipment.json'));
  copyFileSync(join(VALID, 'order-documents-event.json'), join(dir, 'set/B-documents.json'));
  writeFileSync(join(dir, 'set/notes.txt'), 'not a payload');
  symlinkSync(join(dir, 'set'), join(dir, 'set/orders/older/back-to-the-top')); // a loop
  symlinkSync(join(dir, 'set/shipments'), join(dir, 'set/z-linked-shipments'));
  symlinkSync(join(dir, 'gone.json'), join(dir, 'set/dangling.json'));

  const expected = [
    'set/B-documents.json',
    'set/orders/older/order-event.xml',
    'set/orders/order-event.json',
    'set/shipments/shipment.json', // set/z-linked-shipments is the same folder: taken once
  ];

  it('validate: recursive, sorted, each real folder once, the broken link skipped', async () => {
    const run = await runCli(['validate', '--json', 'set'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as ValidateReport;
    assert.deepEqual(
      report.files.map((f) => f.file),
      expected,
    );
    assert.deepEqual(report.skipped, [{ file: 'set/dangling.json', reason: 'a broken symbolic link' }]);
    assert.match(run.stderr, /^warning: skipped set\/dangling\.json: a broken symbolic link\n$/);
  });

  it('send-sample --file: the same files in the same order, the same skip warning', async () => {
    const run = await runCli(
      ['send-sample', 'https://127.0.0.1:9/hook', '--dry-run', '--json', '--file', 'set'],
      {
        cwd: dir,
      },
    );
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { requests: { file: string }[]; warnings: string[] };
    assert.deepEqual(
      report.requests.map((r) => r.file),
      expected,
    );
    assert.ok(report.warnings.includes('skipped set/dangling.json: a broken symbolic link'), run.stdout);
  });

  it('a directory without payloads: the same one line from both, exit 2', async () => {
    mkdirSync(join(dir, 'empty/inner'), { recursive: true });
    const line =
      'tc-webhook: no .json or .xml files in directory empty. Pass payload files, or a directory that contains them\n';
    const validate = await runCli(['validate', 'empty'], { cwd: dir });
    const send = await runCli(['send-sample', 'https://127.0.0.1:9/hook', '--dry-run', '--file', 'empty'], {
      cwd: dir,
    });
    for (const run of [validate, send]) {
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, line);
    }
  });

  it('send-sample --help says that --file walks a directory recursively', async () => {
    const run = await runCli(['send-sample', '--help']);
    assert.equal(run.code, 0);
    assert.match(
      run.stdout.replace(/\s+/g, ' '),
      /--file <path> replay a stored payload file, or every \.json\/\.xml below a directory \(recursive, as validate\)/,
    );
  });
});
