import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createBodyValidator } from '../../../src/core/schema/create-body-validator.js';
import { bundledSchemaPath, loadSpec } from '../../../src/core/schema/load-body-schema.js';
import {
  openPrecompiledSchemas,
  precompiledSchemaDir,
  withPrecompiledSchemas,
} from '../../../src/core/schema/precompiled-schemas.js';
import { openSchemaCache, type SchemaCache } from '../../../src/core/schema/schema-cache.js';
import { ROOT } from '../../helpers/run-cli.js';
import { spySchemaCache } from './spy-schema-cache.js';

const work = mkdtempSync(join(tmpdir(), 'tcw-precompiled-'));
after(() => rmSync(work, { recursive: true, force: true }));

const orderEvent = JSON.parse(
  readFileSync(join(ROOT, 'fixtures/payloads/valid/order-event.json'), 'utf8'),
) as Record<string, unknown>;

/** The bundled order spec as read through `cache`, and the errors it finds in a valid order event. */
async function validateOrder(path: string, cache: SchemaCache): Promise<string[]> {
  const body = (await loadSpec(path, 'order', { cache })).bodyFor('order');
  const validator = await createBodyValidator(body, { strict: false }, cache);
  const { errors } = await validator.validate(orderEvent);
  return errors.map((e) => `${e.path} ${e.message}`);
}

describe('precompiled bundled schemas: fallback', () => {
  it('a copy of the unchanged YAML is served from the package build', async () => {
    const copy = join(work, 'unchanged.yaml');
    copyFileSync(bundledSchemaPath('order'), copy);
    const spy = spySchemaCache(withPrecompiledSchemas(undefined));
    assert.deepEqual(await validateOrder(copy, spy.cache), []);
    assert.deepEqual(spy.writes, [], 'found by the hash of the YAML text, wherever the file is');
  });

  it('an edited YAML is parsed and compiled again, into the temp-dir cache only', async () => {
    const edited = join(work, 'edited.yaml');
    const yaml = readFileSync(bundledSchemaPath('order'), 'utf8');
    const marker = '    required:\n      - eventName\n';
    assert.ok(yaml.includes(marker), 'the body schema lists eventName as required');
    writeFileSync(edited, yaml.replace(marker, `${marker}      - releaseNote\n`));
    const cacheDir = join(work, 'cache');
    const fallback = await openSchemaCache(cacheDir);
    assert.ok(fallback);
    const before = readdirSync(precompiledSchemaDir());
    const spy = spySchemaCache(withPrecompiledSchemas(fallback));

    assert.deepEqual(await validateOrder(edited, spy.cache), [' required field "releaseNote" is missing']);
    assert.deepEqual(spy.hits, [], 'nothing precompiled fits the edited text');
    // The failure is not an enum mismatch, so the enum-free variant was compiled as well.
    const computed = spy.writes.filter((name) => !name.endsWith('.note.json'));
    assert.equal(computed.length, 3, 'the parsed spec and two compiled validators');
    // Notes belong to the package build alone: the temp-dir cache keeps none.
    assert.deepEqual(readdirSync(cacheDir).sort(), [...computed].sort());
    assert.deepEqual(readdirSync(precompiledSchemaDir()), before, 'the package is never written to');
  });

  it('missing or damaged precompiled files fall back to parsing and compiling', async () => {
    const empty = mkdtempSync(join(work, 'empty-'));
    const missing = spySchemaCache(withPrecompiledSchemas(undefined, openPrecompiledSchemas(empty)));
    assert.deepEqual(await validateOrder(bundledSchemaPath('order'), missing.cache), []);
    assert.equal(missing.hits.length, 0);

    const damaged = mkdtempSync(join(work, 'damaged-'));
    for (const name of readdirSync(precompiledSchemaDir())) {
      writeFileSync(
        join(damaged, name),
        name.endsWith('.json') ? '{"root":1,"table":[]}' : 'module.exports = {',
      );
    }
    const spy = spySchemaCache(withPrecompiledSchemas(undefined, openPrecompiledSchemas(damaged)));
    assert.deepEqual(await validateOrder(bundledSchemaPath('order'), spy.cache), []);
    assert.deepEqual(
      spy.hits.map((name) => name.replace(/^[0-9a-f]+\./, '')),
      ['json', 'note.json', 'cjs'],
      'the spec, the note and the validator were found: the spec and the validator were refused, the note names none',
    );
    assert.equal(
      spy.writes.filter((name) => !name.endsWith('.note.json')).length,
      2,
      'so the spec and its validator were computed again',
    );
  });
});
