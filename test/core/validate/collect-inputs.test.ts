import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { InputError } from '../../../src/errors.js';
import { collectInputs } from '../../../src/core/validate/collect-inputs.js';

const LIMIT = 1024;
const dir = mkdtempSync(join(tmpdir(), 'tcw-collect-'));
after(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'payloads/sub'), { recursive: true });
mkdirSync(join(dir, 'nothing'));
for (const f of [
  'payloads/b.json',
  'payloads/a.XML',
  'payloads/sub/c.json',
  'payloads/notes.txt',
  'nothing/readme.md',
]) {
  writeFileSync(join(dir, f), '{}');
}
symlinkSync(join(dir, 'payloads'), join(dir, 'payloads/sub/loop'));

describe('collectInputs', () => {
  it('expands directories recursively into sorted .json/.xml files, once each', () => {
    const { inputs } = collectInputs(['payloads', 'payloads/b.json', '-', '-'], dir, LIMIT);
    assert.deepEqual(
      inputs.map((i) => i.file),
      ['payloads/a.XML', 'payloads/b.json', 'payloads/sub/c.json', '<stdin>'],
    );
  });

  it('takes a named file whatever its extension', () => {
    const { inputs } = collectInputs(['payloads/notes.txt'], dir, LIMIT);
    assert.deepEqual(inputs, [
      { source: 'file', file: 'payloads/notes.txt', path: join(dir, 'payloads/notes.txt'), regular: true },
    ]);
  });

  it('refuses a missing path and a directory without payloads', () => {
    assert.throws(
      () => collectInputs(['missing.json'], dir, LIMIT),
      (e: unknown) => {
        return e instanceof InputError && e.message === 'cannot read missing.json: no such file or directory';
      },
    );
    assert.throws(
      () => collectInputs(['nothing'], dir, LIMIT),
      (e: unknown) => {
        return e instanceof InputError && e.message === 'no .json or .xml files in directory nothing';
      },
    );
  });
});
