import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../helpers/run-cli.js';

const URL = 'https://127.0.0.1:9/hook';

/** Every command that reads a file the user named words a file system error the same way. */
describe('file system errors read the same through every command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tc-webhook-fs-errors-'));
  mkdirSync(join(dir, 'a-folder.json'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const missing: [string, string[], RegExp][] = [
    ['validate <file>', ['validate', 'nope.json'], /^tc-webhook: cannot read nope\.json: /],
    [
      'validate --spec',
      ['validate', '--spec', 'nope.yaml', '-'],
      /^tc-webhook: cannot read the spec nope\.yaml: /,
    ],
    [
      'send-sample --file',
      ['send-sample', URL, '--dry-run', '--file', 'nope.json'],
      /cannot read --file nope\.json: /,
    ],
    [
      'send-sample --overlay',
      ['send-sample', URL, '--dry-run', '--overlay', 'nope.json'],
      /the overlay nope\.json: /,
    ],
    ['sample --overlay', ['sample', '--overlay', 'nope.json'], /cannot read the overlay nope\.json: /],
    [
      'listen --cert',
      ['listen', '--cert', 'nope.pem', '--key', 'nope.pem'],
      /cannot read --cert nope\.pem: /,
    ],
  ];
  for (const [name, args, where] of missing) {
    it(`a missing file via ${name}: "no such file or directory", one line, exit 2`, async () => {
      const run = await runCli(args, { cwd: dir, input: '{}' });
      assert.equal(run.code, 2, run.stderr);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, where);
      assert.match(run.stderr, /: no such file or directory\. [^\n]+\n$/);
      assert.equal(run.stderr.split('\n').length, 2, 'one line');
    });
  }

  for (const [name, args] of [
    ['send-sample --overlay', ['send-sample', URL, '--dry-run', '--overlay', 'a-folder.json']],
    ['sample --overlay', ['sample', '--overlay', 'a-folder.json']],
    ['listen --cert', ['listen', '--cert', 'a-folder.json', '--key', 'a-folder.json']],
  ] as const) {
    it(`a directory where a file belongs via ${name}: "it is a directory", exit 2`, async () => {
      const run = await runCli([...args], { cwd: dir });
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /a-folder\.json: it is a directory\. [^\n]+\n$/);
    });
  }

  it('a $ref to a missing file of a --spec: the same words', async () => {
    const run = await runCli([
      'validate',
      '--spec',
      'fixtures/specs/broken-file-ref.yaml',
      'fixtures/payloads/valid/order-event.json',
    ]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /cannot read common\/does-not-exist\.yaml \(no such file or directory\)\. /);
  });

  for (const save of ['a-file.txt', 'a-file.txt/below']) {
    it(`listen --save ${save}: "not a directory", exit 2`, async () => {
      writeFileSync(join(dir, 'a-file.txt'), '');
      const run = await runCli(['listen', '--http', '--port', '0', '--save', save], { cwd: dir });
      assert.equal(run.code, 2, run.stderr);
      assert.match(
        run.stderr,
        /^tc-webhook: cannot use --save .*a-file\.txt[^:]*: not a directory\. [^\n]+\n$/,
      );
    });
  }
});
