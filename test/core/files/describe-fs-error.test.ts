import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { describeFsError } from '../../../src/core/files/describe-fs-error.js';

function errorOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('describeFsError', () => {
  const dir = mkdtempSync(join(tmpdir(), 'describe-fs-error-'));
  writeFileSync(join(dir, 'file.json'), '{}');

  it('words the errors a real read gives', async () => {
    assert.equal(
      describeFsError(errorOf(() => readFileSync(join(dir, 'missing.json')))),
      'no such file or directory',
    );
    assert.equal(describeFsError(errorOf(() => readFileSync(dir))), 'it is a directory');
    assert.equal(
      describeFsError(errorOf(() => readFileSync(join(dir, 'file.json', 'below.json')))),
      'not a directory',
    );
    const rejected: unknown = await readFile(join(dir, 'missing.json')).catch((error: unknown) => error);
    assert.equal(describeFsError(rejected), 'no such file or directory');
  });

  it('words the codes a read can give beyond those', () => {
    const withCode = (code: string) => Object.assign(new Error(`${code}: something, open '/x'`), { code });
    assert.equal(describeFsError(withCode('EACCES')), 'permission denied');
    assert.equal(describeFsError(withCode('EPERM')), 'permission denied');
    assert.equal(describeFsError(withCode('EMFILE')), 'too many open files');
    assert.equal(describeFsError(withCode('ENFILE')), 'too many open files');
    assert.equal(describeFsError(withCode('ELOOP')), 'too many levels of symbolic links');
  });

  it('falls back to the code, then the message, never to a stack', () => {
    assert.equal(describeFsError(Object.assign(new Error('odd'), { code: 'EXDEV' })), 'EXDEV');
    assert.equal(describeFsError(new Error('the disk fell off')), 'the disk fell off');
    assert.equal(describeFsError('a string'), 'unreadable');
    assert.equal(describeFsError(undefined), 'unreadable');
  });

  it('cleans up', () => rmSync(dir, { recursive: true, force: true }));
});
