import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers/run-cli.js';

test('the README lists every runtime dependency with its job, and no other package', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = /## Runtime dependencies\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
  const listed = [...section.matchAll(/^\| `([^`]+)` \| (.+) \|$/gm)].map(
    (m) => [m[1]!, m[2]!.trim()] as const,
  );
  assert.deepEqual(listed.map(([name]) => name).sort(), Object.keys(pkg.dependencies).sort());
  for (const [name, job] of listed) assert.ok(job.length > 10, `${name} has a job`);
});
