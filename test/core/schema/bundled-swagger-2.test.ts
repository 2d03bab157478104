import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { loadBodySchema } from '../../../src/core/schema/load-body-schema.js';
import { createBodyValidator } from '../../../src/core/schema/create-body-validator.js';
import { ROOT } from '../../helpers/run-cli.js';

const FILES = ['order-webhook.yaml', 'shipment-webhook.yaml'];
/** The vendor extensions the schema translation knows; a schema object may carry no others. */
const EXTENSIONS = new Set(['x-nullable', 'x-one-of-required', 'x-any-of-formats']);
/** JSON Schema keywords that Swagger 2.0's Schema Object does not have. */
const NOT_SWAGGER_2 = ['oneOf', 'anyOf', 'not', 'nullable', 'const', 'if', 'then', 'else', '$defs'];

type Node = Record<string, unknown>;

/** Every schema object of a Swagger 2.0 document, with its path. */
function* schemaObjects(document: Node): Generator<[string, Node]> {
  function* walk(node: unknown, path: string): Generator<[string, Node]> {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const schema = node as Node;
    yield [path, schema];
    for (const key of ['items', 'additionalProperties']) yield* walk(schema[key], `${path}/${key}`);
    for (const [i, member] of ((schema.allOf as unknown[] | undefined) ?? []).entries())
      yield* walk(member, `${path}/allOf/${i}`);
    for (const [name, property] of Object.entries((schema.properties as Node | undefined) ?? {}))
      yield* walk(property, `${path}/properties/${name}`);
  }
  for (const [name, definition] of Object.entries(document.definitions as Node))
    yield* walk(definition, `/definitions/${name}`);
  for (const [path, item] of Object.entries(document.paths as Node))
    for (const [method, operation] of Object.entries(item as Node))
      for (const [i, parameter] of (((operation as Node).parameters as Node[] | undefined) ?? []).entries())
        yield* walk(parameter.schema, `/paths/${path}/${method}/parameters/${i}/schema`);
}

async function documents(): Promise<[string, Node][]> {
  return Promise.all(
    FILES.map(async (file) => [file, parse(await readFile(`${ROOT}/src/schemas/${file}`, 'utf8')) as Node]),
  );
}

describe('bundled schemas are strict Swagger 2.0', () => {
  it('use no oneOf/anyOf, no type lists, nothing beside a $ref and only the known extensions', async () => {
    for (const [file, document] of await documents()) {
      let count = 0;
      for (const [path, schema] of schemaObjects(document)) {
        count++;
        const at = `${file}${path}`;
        for (const keyword of NOT_SWAGGER_2) assert.equal(schema[keyword], undefined, `${at}: ${keyword}`);
        assert.ok(schema.type === undefined || typeof schema.type === 'string', `${at}: type list`);
        if (schema.$ref !== undefined) assert.deepEqual(Object.keys(schema), ['$ref'], `${at}: beside $ref`);
        for (const key of Object.keys(schema).filter((k) => k.startsWith('x-')))
          assert.ok(EXTENSIONS.has(key), `${at}: ${key}`);
      }
      assert.ok(count > 100, `${file}: walked ${count} schema objects`);
    }
  });

  it('say "exactly one event object" with x-one-of-required, and nullable with x-nullable', async () => {
    const [order, shipment] = (await documents()).map(([, document]) => document);
    const definitions = order!.definitions as Record<string, Node>;
    assert.deepEqual(definitions.OrderWebhookBody!['x-one-of-required'], [
      'orderEvent',
      'singleDeliveryOrderEvent',
      'orderDocumentsEvent',
    ]);
    const source = (shipment!.definitions as Record<string, Node>).MessageSource!.properties as Node;
    assert.deepEqual(source.userId, {
      type: 'string',
      format: 'uuid',
      'x-nullable': true,
      description: 'User who started the flow.',
    });
  });
});

describe('bundled schemas: what the extensions stand for is enforced', () => {
  const validatorFor = async (kind: 'order' | 'shipment') =>
    createBodyValidator(await loadBodySchema({ kind, cacheDir: false }), { strict: false });

  it('an order body without an event object, or with two, is an error that says so', async () => {
    const v = await validatorFor('order');
    assert.deepEqual((await v.validate({ eventName: 'OrderIssuedByBuyer' })).errors, [
      { path: '', keyword: 'required', message: 'required field "orderEvent" is missing', anchor: '' },
    ]);
    const two = { eventName: 'OrderIssuedByBuyer', orderEvent: { orderId: 'a' }, orderDocumentsEvent: {} };
    assert.deepEqual((await v.validate(two)).errors, [
      {
        path: '',
        keyword: 'oneOf',
        message: 'has "orderEvent" and "orderDocumentsEvent", but only one of them is allowed',
        anchor: '',
      },
    ]);
  });

  it('null is accepted in any optional field (docs/schema-policy.md), never in a required one', async () => {
    const v = await validatorFor('order');
    const source = { traceId: '6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f', userId: null, companyId: null };
    const body = (schedule: object, orderId: string | null = 'o') => ({
      eventName: 'OrderIssuedByBuyer',
      orderEvent: { orderId, lines: [{ id: 'l', deliverySchedule: [schedule] }], meta: { source } },
    });
    assert.deepEqual(await v.validate(body({ position: null, date: null, quantity: null })), {
      errors: [],
      warnings: [],
    });
    assert.deepEqual((await v.validate(body({ position: '0001' }, null))).errors, [
      {
        path: '/orderEvent/orderId',
        keyword: 'type',
        message: 'must be a string, found null',
        anchor: '/orderEvent/orderId',
      },
    ]);
  });

  it('a document lastUpdatedAt may omit the zone (docs/webhook-payloads.md §4.4) but must be a real date-time', async () => {
    const v = await validatorFor('shipment');
    const fixture = await readFile(`${ROOT}/fixtures/payloads/valid/shipment.json`, 'utf8');
    const body = (lastUpdatedAt: unknown) => {
      const shipment = JSON.parse(fixture) as { shipment: { supplierShipment: { documents: Node[] } } };
      shipment.shipment.supplierShipment.documents[0]!.meta = { lastUpdatedAt };
      return shipment;
    };
    for (const ok of ['2019-12-31T10:11:12', '2026-09-03T08:00:00.000Z'])
      assert.deepEqual((await v.validate(body(ok))).errors, [], ok);
    const [error] = (await v.validate(body('2019-02-30T10:11:12'))).errors;
    assert.equal(error?.path, '/shipment/supplierShipment/documents/0/meta/lastUpdatedAt');
    assert.match(error?.message ?? '', /^must be a date-time .*, found the string "2019-02-30T10:11:12"$/);
  });
});
