import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { ValidateReport } from '../../../src/commands/validate.js';
import type { BodyKind } from '../../../src/core/schema/body-schema-types.js';
import { createBodyValidator } from '../../../src/core/schema/create-body-validator.js';
import { bundledSchemaPath, loadBodySchema, loadSpec } from '../../../src/core/schema/load-body-schema.js';
import { loadCompiledCode } from '../../../src/core/schema/compile-schema.js';
import {
  precompiledSchemaDir,
  withPrecompiledSchemas,
} from '../../../src/core/schema/precompiled-schemas.js';
import { codeCacheFile, openSchemaCache } from '../../../src/core/schema/schema-cache.js';
import { ROOT, runCli } from '../../helpers/run-cli.js';
import { spySchemaCache } from './spy-schema-cache.js';

const VALID = 'fixtures/payloads/valid';
const INVALID = 'fixtures/payloads/invalid';
const STALE = 'dist/src/schemas/precompiled is missing or stale: run `npm run build`';

function readPayload(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;
}

describe('precompiled bundled schemas', () => {
  it('serve both specs and every validator variant: nothing is parsed or compiled', async () => {
    const spy = spySchemaCache(withPrecompiledSchemas(undefined));
    const fixtures: Record<BodyKind, string> = { order: 'order-event.json', shipment: 'shipment.json' };
    for (const kind of ['order', 'shipment'] as const) {
      const body = (await loadSpec(bundledSchemaPath(kind), kind, { cache: spy.cache })).bodyFor(kind);
      const good = readPayload(`${VALID}/${fixtures[kind]}`);
      const lenient = await createBodyValidator(body, { strict: false }, spy.cache);
      assert.deepEqual(await lenient.validate(good), { errors: [], warnings: [] }, kind);
      // Not only an enum mismatch: the enum-free variant is needed to sort errors from warnings.
      const wrong = await lenient.validate({ ...good, eventName: 42 });
      assert.deepEqual(
        wrong.errors.map((e) => [e.path, e.message]),
        [['/eventName', 'must be a string, found the number 42']],
        kind,
      );
      const strict = await createBodyValidator(body, { strict: true }, spy.cache);
      const extra = await strict.validate({ ...good, surplus: true });
      assert.deepEqual(
        extra.errors.map((e) => e.path),
        ['/surplus'],
        kind,
      );
    }
    assert.deepEqual(spy.misses, [], STALE);
    assert.deepEqual(spy.writes, [], STALE);
    const notes = spy.hits.filter((hit) => hit.endsWith('.note.json'));
    assert.equal(
      notes.length,
      4,
      'each spec notes its validator per policy: found without converting the spec',
    );
    assert.equal(spy.hits.length, 12, 'two specs, two notes and three validators each');
  });

  it('are what validate and loadBodySchema use: an empty cache folder stays empty', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tcw-empty-'));
    after(() => rmSync(home, { recursive: true, force: true }));
    for (const args of [
      [VALID, `${INVALID}/wrong-type.json`],
      ['--strict', VALID],
    ]) {
      const r = await runCli(['validate', ...args], { env: { TMPDIR: home } });
      assert.equal(r.stderr, '');
    }
    const cacheDir = join(home, `tc-webhook-cache-${userInfo().uid}`);
    // The folder is made only when something is kept there: absent or empty, never stale entries.
    const kept = existsSync(cacheDir) ? readdirSync(cacheDir) : [];
    // Only V8 code caches, and only on a Node.js version other than the one that built the package.
    const packageHasCodeCaches = readdirSync(precompiledSchemaDir()).some((name) =>
      name.endsWith(codeCacheFile('')),
    );
    assert.deepEqual(
      kept.filter((name) => !name.endsWith(codeCacheFile(''))),
      [],
      STALE,
    );
    if (packageHasCodeCaches)
      assert.deepEqual(kept, [], 'the package has code caches for this Node.js: nothing is kept');
    for (const kind of ['order', 'shipment'] as const) {
      const body = await loadBodySchema({ kind, cacheDir });
      assert.equal(body.source, 'bundled');
      assert.ok(body.schema.properties);
    }
    assert.deepEqual(
      (existsSync(cacheDir) ? readdirSync(cacheDir) : []).filter((name) => !name.endsWith(codeCacheFile(''))),
      [],
      STALE,
    );
  });

  it("load their validators with a V8 code cache this Node.js accepts: the package build's, or one kept after a first run", async () => {
    const home = mkdtempSync(join(tmpdir(), 'tcw-code-cache-'));
    after(() => rmSync(home, { recursive: true, force: true }));
    const first = await runCli(['validate', `${VALID}/order-event.json`], { env: { TMPDIR: home } });
    assert.equal(first.code, 0, first.stderr);
    const userCache = await openSchemaCache(join(home, `tc-webhook-cache-${userInfo().uid}`));
    assert.ok(userCache);
    const spy = spySchemaCache(withPrecompiledSchemas(userCache));
    const body = (await loadSpec(bundledSchemaPath('order'), 'order', { cache: spy.cache })).bodyFor('order');
    const validator = await createBodyValidator(body, { strict: false }, spy.cache);
    assert.deepEqual(await validator.validate(readPayload(`${VALID}/order-event.json`)), {
      errors: [],
      warnings: [],
    });
    assert.equal(spy.codeCaches.length, 1, 'the order validator came with a code cache for this Node.js');
    const key = spy.codeCaches[0]!;
    const loaded = loadCompiledCode(
      (await spy.cache.read(key, 'cjs'))!,
      await spy.cache.readCodeCache?.(key),
    );
    assert.equal(loaded?.script.cachedDataRejected, false, 'V8 accepted it');
  });

  it(
    'let validate run correctly with an empty cache folder it may not use, and write nothing there',
    { skip: process.platform === 'win32' },
    async () => {
      const home = mkdtempSync(join(tmpdir(), 'tcw-locked-'));
      after(() => rmSync(home, { recursive: true, force: true }));
      const cacheDir = join(home, `tc-webhook-cache-${userInfo().uid}`);
      mkdirSync(cacheDir);
      chmodSync(cacheDir, 0o555); // not writable, and not private: refused even for root
      const validate = async (args: string[]) => {
        const r = await runCli(['validate', '--json', ...args], { env: { TMPDIR: home } });
        assert.equal(r.stderr, '');
        return { code: r.code, report: JSON.parse(r.stdout) as ValidateReport };
      };

      const valid = await validate([VALID]);
      assert.equal(valid.code, 0);
      assert.deepEqual(valid.report.summary, { files: 7, valid: 7, invalid: 0, warnings: 0 });

      const mixed = await validate([`${INVALID}/wrong-type.json`, `${INVALID}/wrong-enum-value.json`]);
      assert.equal(mixed.code, 1);
      const [wrongType, wrongEnum] = mixed.report.files;
      assert.deepEqual(
        wrongType!.errors.map((e) => [e.path, e.message]),
        [['/orderEvent/lines/0/buyerLine/position', 'must be a string, found the number 10']],
      );
      assert.equal(wrongEnum!.valid, true);
      assert.deepEqual(
        wrongEnum!.warnings.map((w) => w.path),
        ['/orderEvent/lines/0/status/processStatus'],
      );

      const strict = await validate(['--strict', `${INVALID}/unknown-field.json`]);
      assert.equal(strict.code, 1);
      assert.deepEqual(
        strict.report.files[0]!.errors.map((e) => e.path),
        ['/orderEvent/lines/0/buyerLine/packagingInstructions'],
      );
      assert.deepEqual(readdirSync(cacheDir), []);
    },
  );
});
