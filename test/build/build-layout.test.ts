import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { after, describe, it } from 'node:test';
import { BIN, ROOT } from '../helpers/run-cli.js';

function compiledFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...compiledFiles(path));
    else if (entry.name.endsWith('.js')) found.push(relative(join(ROOT, 'dist'), path).split(sep).join('/'));
  }
  return found;
}

describe('the build', () => {
  it('leaves no compiled file whose source is gone (a deleted or renamed test never runs from dist/)', () => {
    const orphans = [...compiledFiles(join(ROOT, 'dist/src')), ...compiledFiles(join(ROOT, 'dist/test'))]
      .filter((file) => !file.startsWith('src/schemas/'))
      .filter((file) => !existsSync(join(ROOT, file.replace(/\.js$/, '.ts'))));
    assert.deepEqual(orphans, [], '`npm run build` starts from an empty dist/');
  });

  it('is not part of npm install: no install-time script; build cleans first; prepack builds', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'dependencies', 'prepublish'])
      assert.equal(pkg.scripts[hook], undefined, `npm runs "${hook}" while installing`);
    assert.match(pkg.scripts.build ?? '', /^npm run clean && /);
    assert.match(pkg.scripts.clean ?? '', /rmSync\('dist'/);
    assert.equal(pkg.scripts.prepack, 'npm run build');
    assert.equal(pkg.scripts.test, 'node scripts/run-tests.mjs', 'tests are listed from their sources');
    assert.match(pkg.scripts.pretest ?? '', / build$/, '`npm test` builds first');
  });

  it('bin/ in a copy that was never built says to run `npm run build` and exits 2', () => {
    const copy = mkdtempSync(join(tmpdir(), 'tcw-unbuilt-'));
    after(() => rmSync(copy, { recursive: true, force: true }));
    mkdirSync(join(copy, 'bin'));
    copyFileSync(BIN, join(copy, 'bin/tc-webhook.js'));
    copyFileSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    const r = spawnSync(process.execPath, [join(copy, 'bin/tc-webhook.js'), 'validate', 'x.json'], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      'tc-webhook: this copy is not built (no dist/): run `npm run build` in it, then try again\n',
    );
  });
});
