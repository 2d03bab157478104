import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { BUILD_ID, VERSION } from '../../src/build-info.js';
import { computeBuildId } from '../../src/build/build-id.js';
import { AJV_OPTIONS, validatorKey } from '../../src/core/schema/compile-schema.js';
import { cacheKey, cacheKeyOf } from '../../src/core/schema/schema-cache.js';
import { ROOT } from '../helpers/run-cli.js';

const NOT_BUILT = 'dist/ was compiled without `npm run build` (or changed since): run `npm run build`';

describe('the build id', () => {
  it('is written by the build: the hash of the compiled code it ships, and the package version', () => {
    assert.ok(BUILD_ID, NOT_BUILT);
    assert.equal(computeBuildId(join(ROOT, 'dist/src')), BUILD_ID, NOT_BUILT);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(VERSION, pkg.version);
  });

  it('changes with any compiled file, and only with code (not with itself or the data built after it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcw-build-id-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, 'core'));
    writeFileSync(join(dir, 'core/a.js'), 'export const a = 1;\n');
    const first = computeBuildId(dir);
    writeFileSync(join(dir, 'build-info.js'), 'export const BUILD_ID = "x";\n');
    mkdirSync(join(dir, 'schemas'));
    writeFileSync(join(dir, 'schemas/precompiled.cjs'), 'module.exports = 1;\n');
    assert.equal(computeBuildId(dir), first);
    writeFileSync(join(dir, 'core/a.js'), 'export const a = 2;\n');
    assert.notEqual(computeBuildId(dir), first, 'an edited file');
    writeFileSync(join(dir, 'core/a.js'), 'export const a = 1;\n');
    assert.equal(computeBuildId(dir), first);
    writeFileSync(join(dir, 'core/b.js'), '\n');
    assert.notEqual(computeBuildId(dir), first, 'a new file');
  });
});

describe('cache keys', () => {
  it('include the build id: what another build cached is never found', () => {
    assert.equal(cacheKey('spec', 'text'), cacheKeyOf(BUILD_ID ?? 'unbuilt', ['spec', 'text']));
    assert.notEqual(cacheKeyOf('build-a', ['spec', 'text']), cacheKeyOf('build-b', ['spec', 'text']));
    assert.notEqual(cacheKeyOf('build-a', ['spec', 'text']), cacheKeyOf('build-a', ['spec', 'text2']));
    // Parts are separated: moving text between parts is another key.
    assert.notEqual(cacheKeyOf('b', ['ab', 'c']), cacheKeyOf('b', ['a', 'bc']));
  });

  it("of a validator include ajv's options and the schema text", () => {
    const schema = JSON.stringify({ type: 'object', required: ['a', 'b'] });
    const key = validatorKey('draft-07', schema);
    assert.equal(validatorKey('draft-07', schema, { ...AJV_OPTIONS }), key);
    assert.notEqual(validatorKey('draft-07', schema, { ...AJV_OPTIONS, allErrors: false }), key);
    assert.notEqual(validatorKey('2019-09', schema), key);
    assert.notEqual(validatorKey('draft-07', JSON.stringify({ type: 'object' })), key);
  });
});
