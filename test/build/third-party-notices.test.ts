import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { packageDirOf, packageNotice, renderNotices } from '../../src/build/third-party-notices.js';
import { ROOT } from '../helpers/run-cli.js';

describe('the single executable’s third-party notices', () => {
  it('take an installed package’s name, version, licence name and whole licence file', () => {
    const notice = packageNotice(join(ROOT, 'node_modules/commander'));
    assert.match(notice.title, /^commander \d+\.\d+\.\d+$/);
    assert.equal(notice.license, 'MIT');
    assert.match(notice.text, /Permission is hereby granted, free of charge/);
  });

  it('say so when a package ships no licence file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcw-notices-'));
    try {
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({ name: 'bare', version: '1.0.0', license: 'ISC' }),
      );
      assert.deepEqual(packageNotice(dir), {
        title: 'bare 1.0.0',
        license: 'ISC',
        text: 'Licensed under ISC; the package ships no licence file.',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('find the package of a bundled file, scoped or not, and nothing for the tool’s own files', () => {
    assert.equal(
      packageDirOf(ROOT, 'node_modules/@apidevtools/json-schema-ref-parser/dist/lib/index.js'),
      join(ROOT, 'node_modules/@apidevtools/json-schema-ref-parser'),
    );
    assert.equal(
      packageDirOf(ROOT, 'node_modules/undici/lib/core/util.js'),
      join(ROOT, 'node_modules/undici'),
    );
    // A copy nested under another package is that copy's own package.
    assert.equal(
      packageDirOf(ROOT, 'node_modules/ajv-cli/node_modules/js-yaml/dist/js-yaml.js'),
      join(ROOT, 'node_modules/ajv-cli/node_modules/js-yaml'),
    );
    assert.equal(packageDirOf(ROOT, 'dist/src/cli.js'), undefined);
    assert.equal(packageDirOf(ROOT, 'node_modules/no-such-package/index.js'), undefined);
  });

  it('list Node.js first, then the packages by name, each with its text', () => {
    const text = renderNotices(
      [{ title: 'Node.js 24.22.3', license: 'MIT', text: 'Node.js is licensed for use as follows' }],
      [
        { title: 'yaml 2.9.1', license: 'ISC', text: 'ISC text' },
        { title: 'ajv 8.20.0', license: 'MIT', text: 'MIT text' },
      ],
    );
    const listed = text.split('\n').filter((line) => line.startsWith('  '));
    assert.deepEqual(listed, ['  Node.js 24.22.3', '  ajv 8.20.0', '  yaml 2.9.1']);
    assert.ok(text.indexOf('Node.js 24.22.3 (MIT)') < text.indexOf('ajv 8.20.0 (MIT)'));
    assert.ok(text.includes('ajv 8.20.0 (MIT)\n' + '='.repeat(78) + '\n\nMIT text\n'));
  });
});
