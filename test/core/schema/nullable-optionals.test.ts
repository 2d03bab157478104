import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admitsNull, withNullableOptionals } from '../../../src/core/schema/nullable-optionals.js';
import { loadBodySchema } from '../../../src/core/schema/load-body-schema.js';
import { isPlainObject, mapSubschemas, type SchemaNode } from '../../../src/core/schema/map-subschemas.js';
import { toJsonSchema } from '../../../src/core/schema/to-json-schema.js';

/** Every object schema with properties, found through the schema keywords only. */
function objectSchemas(root: unknown): SchemaNode[] {
  const found: SchemaNode[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown): unknown => {
    if (!isPlainObject(node) || seen.has(node)) return node;
    seen.add(node);
    if (isPlainObject(node.properties)) found.push(node);
    mapSubschemas(node, visit);
    return node;
  };
  visit(root);
  return found;
}

function requiredOf(node: SchemaNode): Set<string> {
  const names = new Set<string>((node.required as string[] | undefined) ?? []);
  for (const branch of (node.oneOf as SchemaNode[] | undefined) ?? [])
    for (const n of (branch.required as string[]) ?? []) names.add(n);
  return names;
}

describe('bundled schemas: any optional field may be null, a required one may not', () => {
  for (const kind of ['order', 'shipment'] as const) {
    it(`${kind}: every optional property of every object accepts null`, async () => {
      const body = await loadBodySchema({ kind, cacheDir: false });
      const schema = withNullableOptionals(toJsonSchema(body.schema, body.dialect, body.specName));
      let optional = 0;
      let required = 0;
      for (const node of objectSchemas(schema)) {
        const at = Object.keys(node.properties as SchemaNode).join(',');
        const names = requiredOf(node);
        for (const [name, property] of Object.entries(node.properties as SchemaNode)) {
          if (names.has(name)) {
            required += 1;
            assert.equal(
              admitsNull(property),
              false,
              `${name} (in {${at}}) is required and must not accept null`,
            );
          } else {
            optional += 1;
            assert.equal(admitsNull(property), true, `${name} (in {${at}}) is optional and must accept null`);
          }
        }
      }
      assert.ok(optional > (kind === 'order' ? 300 : 80), `walked ${optional} optional properties`);
      assert.ok(required > 0);
    });
  }

  it('admitsNull reads types, enums, $refs and the null branches the rule adds', () => {
    assert.equal(admitsNull({ type: 'string' }), false);
    assert.equal(admitsNull({ type: ['string', 'null'] }), true);
    assert.equal(admitsNull({ type: ['string', 'null'], enum: ['a'] }), false);
    assert.equal(admitsNull({ $ref: '#/$defs/s1' }), false);
    assert.equal(admitsNull({ if: { type: 'null' }, else: { $ref: '#/$defs/s1' } }), true);
    assert.equal(admitsNull({ anyOf: [{ $ref: '#/$defs/s1' }, { type: 'null' }] }), true);
    assert.equal(admitsNull({}), true);
  });
});
