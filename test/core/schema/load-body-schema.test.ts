import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { InputError } from '../../../src/errors.js';
import { loadBodySchema } from '../../../src/core/schema/load-body-schema.js';
import { ROOT } from '../../helpers/run-cli.js';

const specs = join(ROOT, 'fixtures/specs');
const cacheDir = mkdtempSync(join(tmpdir(), 'tcw-schema-test-'));
after(() => rmSync(cacheDir, { recursive: true, force: true }));

async function rejects(spec: string, pattern: RegExp): Promise<void> {
  await assert.rejects(
    loadBodySchema({ kind: 'order', spec, cwd: specs, cacheDir: false }),
    (error: unknown) => {
      assert.ok(error instanceof InputError, String(error));
      assert.match(error.message, pattern);
      assert.doesNotMatch(error.message, /\n/);
      return true;
    },
  );
}

describe('loadBodySchema', () => {
  it('loads the bundled order and shipment bodies without the network, the same from the cache', async () => {
    for (const kind of ['order', 'shipment'] as const) {
      const first = await loadBodySchema({ kind, cacheDir });
      const again = await loadBodySchema({ kind, cacheDir });
      assert.equal(first.source, 'bundled');
      assert.equal(first.dialect, 'swagger-2.0');
      assert.ok(first.schema.properties, 'a dereferenced body schema');
      assert.deepEqual(again.schema, first.schema);
    }
    const order = await loadBodySchema({ kind: 'order', cacheDir });
    assert.deepEqual(order.schema.xml, { name: 'WebhookBody' }, 'xml names are kept for tXML');
  });

  it('reads Swagger 2.0 (with a relative file $ref), OpenAPI 3.0 and 3.1', async () => {
    const s2 = await loadBodySchema({
      kind: 'order',
      spec: 'swagger2-order.yaml',
      cwd: specs,
      cacheDir: false,
    });
    assert.equal(s2.dialect, 'swagger-2.0');
    const orderEvent = (s2.schema.properties as Record<string, { properties: Record<string, unknown> }>)
      .orderEvent;
    assert.deepEqual(Object.keys(orderEvent!.properties.supplierParty as object).sort(), [
      'properties',
      'required',
      'type',
    ]);
    const s30 = await loadBodySchema({
      kind: 'order',
      spec: 'openapi30-order.yaml',
      cwd: specs,
      cacheDir: false,
    });
    assert.equal(s30.operation, 'POST /orders');
    const s31 = await loadBodySchema({
      kind: 'shipment',
      spec: 'openapi31-shipment.json',
      cwd: specs,
      cacheDir: false,
    });
    assert.equal(s31.dialect, 'openapi-3.1');
  });

  it('picks the POST operation whose body fits the kind', async () => {
    const options = { spec: 'multi-post.yaml', cwd: specs, cacheDir: false } as const;
    assert.equal((await loadBodySchema({ kind: 'order', ...options })).operation, 'POST /orders');
    assert.equal((await loadBodySchema({ kind: 'shipment', ...options })).operation, 'POST /shipments');
  });

  it('refuses unusable specs with one clear line', async () => {
    await rejects(
      'not-openapi.yaml',
      /neither an OpenAPI document \(no "swagger" or "openapi" field\) nor a JSON Schema/,
    );
    await rejects('no-post.yaml', /no POST operation with a request body/);
    await rejects('broken-ref.yaml', /broken \$ref "#\/definitions\/Missing"/);
    await rejects('broken-file-ref.yaml', /broken \$ref: cannot read .*does-not-exist\.yaml/);
    await rejects('bad-yaml.yaml', /cannot parse the spec bad-yaml\.yaml at line 5, column 1/);
    await rejects('nothing-here.yaml', /cannot read the spec nothing-here\.yaml: no such file/);
  });
});
