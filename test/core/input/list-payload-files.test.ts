import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { InputError } from '../../../src/errors.js';
import { isPayloadName, listPayloadFiles } from '../../../src/core/input/list-payload-files.js';

describe('listPayloadFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tc-list-payloads-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'a/b'), { recursive: true });
  writeFileSync(join(dir, 'a/one.JSON'), '{}');
  writeFileSync(join(dir, 'a/b/two.xml'), '<x/>');
  writeFileSync(join(dir, 'a/readme.md'), '');
  symlinkSync(join(dir, 'a'), join(dir, 'a/b/loop'));
  symlinkSync(join(dir, 'nowhere.json'), join(dir, 'a/b/broken.json'));
  writeFileSync(join(dir, 'a/big.json'), Buffer.alloc(64));
  symlinkSync(join(dir, 'a/big.json'), join(dir, 'a/b/linked-big.json'));

  it('walks recursively, sorted, through a symlink loop once, listing what it skips', () => {
    const { files, skipped } = listPayloadFiles('a', join(dir, 'a'), 1024);
    assert.deepEqual(
      files.map((f) => f.file),
      ['a/b/linked-big.json', 'a/b/two.xml', 'a/big.json', 'a/one.JSON'],
    );
    assert.equal(files[0]!.path, join(dir, 'a/b/linked-big.json'));
    assert.deepEqual(skipped, [{ file: 'a/b/broken.json', reason: 'a broken symbolic link' }]);
  });

  it('refuses a linked file over the limit, and a folder without payloads', () => {
    assert.throws(() => listPayloadFiles('a', join(dir, 'a'), 10), /a\/b\/linked-big\.json is too large/);
    mkdirSync(join(dir, 'none'));
    assert.throws(
      () => listPayloadFiles('none', join(dir, 'none'), 1024),
      (e: unknown) => e instanceof InputError && e.message === 'no .json or .xml files in directory none',
    );
  });

  it('knows a payload by its extension, in any case', () => {
    assert.equal(isPayloadName('x.Json'), true);
    assert.equal(isPayloadName('x.XML'), true);
    assert.equal(isPayloadName('x.yaml'), false);
  });
});
