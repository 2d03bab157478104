import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runMain } from '../helpers/run-main.js';
import { ROOT } from '../helpers/run-cli.js';

/**
 * `sample --seed N --format txml` is a contract: the same seed prints the same bytes from one release
 * to the next. The files were written by the tool before its XML writer changed; every case must
 * still print them byte for byte (order, single-delivery and order-documents events; escaping;
 * numbers in plain decimal notation; positions such as 0001 kept as text).
 */
const DIR = join(ROOT, 'fixtures/golden/sample-txml');
const cases = JSON.parse(readFileSync(join(DIR, 'cases.json'), 'utf8')) as { name: string; args: string[] }[];

describe('sample --format txml prints the golden bytes', () => {
  for (const { name, args } of cases) {
    it(name, async () => {
      const r = await runMain(['sample', '--format', 'txml', ...args]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, readFileSync(join(DIR, `${name}.xml`), 'utf8'));
    });
  }
});
