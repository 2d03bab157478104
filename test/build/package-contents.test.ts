/**
 * The packed tarball carries every document the tool cites: messages, help texts, the bundled
 * schemas and generated files name `docs/<file>.md`, so a user of the installed package must find it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, TEST_TMPDIR } from '../helpers/run-cli.js';

/** Every `docs/….md` named in a file below `dir` (sources, schemas). */
function citedDocs(dir: string, found = new Set<string>()): Set<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) citedDocs(path, found);
    else if (/\.(ts|ya?ml|json)$/.test(entry.name)) {
      for (const m of readFileSync(path, 'utf8').matchAll(/\bdocs\/[\w.-]+\.md\b/g)) found.add(m[0]);
    }
  }
  return found;
}

test('npm pack ships every document a message or generated file cites, and the links between them', () => {
  // --ignore-scripts: list what would be packed without building again (prepack).
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      npm_config_cache: join(TEST_TMPDIR, 'npm-cache'),
      npm_config_update_notifier: 'false',
    },
  });
  const [packed] = JSON.parse(out) as [{ files: { path: string }[] }];
  const files = new Set(packed.files.map((f) => f.path));
  const cited = citedDocs(join(ROOT, 'src'));
  assert.ok(cited.size >= 5, `the sources cite documents (${[...cited].join(', ')})`);
  // The documents link to each other and the README links to them: every docs/ file goes along.
  for (const doc of readdirSync(join(ROOT, 'docs'))) cited.add(`docs/${doc}`);
  for (const doc of readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/\]\((docs\/[\w.-]+\.md)/g)) {
    cited.add(doc[1]!);
  }
  const missing = [...cited].filter((doc) => !files.has(doc)).sort();
  assert.deepEqual(missing, [], 'documents cited but not packed');
  assert.ok(files.has('README.md') && files.has('LICENSE'));
  // commander is bundled into dist/ (a dev dependency): the tarball carries the file and its licence.
  assert.ok(files.has('dist/src/vendor/commander.cjs'), 'the prepared commander is packed');
  const head = readFileSync(join(ROOT, 'dist/src/vendor/commander.cjs'), 'utf8').slice(0, 2000);
  assert.match(head, /commander [\d.]+[\s\S]*\(The MIT License\)[\s\S]*Permission is hereby granted/);
});

test('package.json names no repository or homepage while there is no public repository', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(pkg.repository, undefined);
  assert.equal(pkg.homepage, undefined);
  assert.equal(pkg.bugs, undefined);
});
