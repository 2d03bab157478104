import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from '../helpers/run-cli.js';

const CHECK = join(ROOT, 'scripts/check-folder-layers.mjs');
const check = (core?: string) =>
  spawnSync(process.execPath, [CHECK, ...(core ? [core] : [])], { encoding: 'utf8' });

describe('the folders of src/core (checked by npm run lint)', () => {
  it('import one way: no two folders import each other, directly or around a loop', () => {
    const run = check();
    assert.equal(run.status, 0, run.stderr);
  });

  it('a loop through a dynamic import, a type import or a third folder fails the check', () => {
    const core = mkdtempSync(join(tmpdir(), 'tcw-layers-'));
    after(() => rmSync(core, { recursive: true, force: true }));
    for (const folder of ['a', 'b', 'c']) mkdirSync(join(core, folder));
    writeFileSync(
      join(core, 'a/one.ts'),
      "import type { Two } from '../b/two.js';\nexport type One = Two;\n",
    );
    writeFileSync(
      join(core, 'b/two.ts'),
      "export type Two = string;\nexport const load = () => import('../c/three.js');\n",
    );
    writeFileSync(join(core, 'c/three.ts'), 'export const three = 3;\n');
    assert.equal(check(core).status, 0, 'a -> b -> c runs one way');
    writeFileSync(
      join(core, 'c/three.ts'),
      "import type { One } from '../a/one.js';\nexport const three: One = '3';\n",
    );
    const loop = check(core);
    assert.equal(loop.status, 1);
    assert.match(loop.stderr, /import each other around a loop: a, b, c/);
    assert.match(loop.stderr, /c -> a: c\/three\.ts -> a\/one\.js/);
  });
});
