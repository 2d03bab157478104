import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { toTxml, type JsonSchema } from '../../../src/core/txml/index.js';
import { loadBundledSchemas } from './bundled-schemas.js';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

function bodyOf(xml: string): string[] {
  const lines = xml.split('\n');
  assert.equal(lines[0], DECLARATION);
  assert.equal(lines.at(-1), '');
  return lines.slice(1, -1);
}

describe('toTxml', () => {
  let order: JsonSchema;
  before(async () => ({ order } = await loadBundledSchemas()));

  it('wraps the body in the root named by the schema, two-space indented', () => {
    const xml = toTxml({ eventName: 'OrderIssuedByBuyer', orderEvent: { orderId: 'o-1' } }, order);
    assert.deepEqual(bodyOf(xml), [
      '<WebhookBody>',
      '  <eventName>OrderIssuedByBuyer</eventName>',
      '  <orderEvent>',
      '    <orderId>o-1</orderId>',
      '  </orderEvent>',
      '</WebhookBody>',
    ]);
  });

  it('defaults the root to WebhookBody without a schema', () => {
    assert.deepEqual(bodyOf(toTxml({ a: 'b' }, undefined)), [
      '<WebhookBody>',
      '  <a>b</a>',
      '</WebhookBody>',
    ]);
    assert.deepEqual(bodyOf(toTxml({ a: 1 }, { xml: { name: 'SendOrderByBuyer' } })), [
      '<SendOrderByBuyer>',
      '  <a>1</a>',
      '</SendOrderByBuyer>',
    ]);
  });

  it('unwraps arrays into repeated item elements named by items.xml.name', () => {
    const body = {
      orderEvent: {
        orderId: 'o-1',
        buyerOrder: { destination: { names: ['Warehouse', 'Dock 12'] }, notes: ['n1'] },
        lines: [
          {
            id: 'l-1',
            buyerLine: { position: '0001', deliverySchedule: [{ position: '0001' }] },
            deliveryScheduleIncludingRequests: [{ position: '0001' }],
          },
          { id: 'l-2' },
        ],
      },
    };
    const xml = toTxml(body, order);
    for (const element of [
      '<name>Warehouse</name>',
      '<name>Dock 12</name>',
      '<note>n1</note>',
      '<deliveryScheduleLine>',
      '<deliveryScheduleIncludingRequestsLine>',
    ]) {
      assert.ok(xml.includes(element), element);
    }
    assert.equal(xml.match(/<line>/g)?.length, 2);
    assert.ok(!/<lines>|<names>|<deliverySchedule>/.test(xml));
  });

  it('falls back to the singularised name for arrays the schema does not declare', () => {
    const xml = toTxml(
      { orderEvent: { orderId: 'o', futureThings: ['x', 'y'], deliveryHistory: [] } },
      order,
    );
    assert.ok(xml.includes('<futureThing>x</futureThing>\n    <futureThing>y</futureThing>'));
    assert.ok(!xml.includes('deliveryHistory'));
  });

  it('writes numbers in plain decimal, never in exponent form', () => {
    const values = [1234.56, 100, 0.5, -3, 1e21, 1.5e-7, -2.5e22, 123456789012345680000, -0];
    const xml = toTxml({ values }, undefined);
    const written = [...xml.matchAll(/<value>(.*)<\/value>/g)].map((m) => m[1]);
    assert.deepEqual(written, [
      '1234.56',
      '100',
      '0.5',
      '-3',
      '1000000000000000000000',
      '0.00000015',
      '-25000000000000000000000',
      '123456789012345680000',
      '0',
    ]);
  });

  it('writes booleans in lower case and omits null and undefined members', () => {
    const xml = toTxml({ a: true, b: false, c: null, d: undefined, e: [null, 'x'] }, undefined);
    assert.deepEqual(bodyOf(xml), [
      '<WebhookBody>',
      '  <a>true</a>',
      '  <b>false</b>',
      '  <e>x</e>',
      '</WebhookBody>',
    ]);
  });

  it('escapes text and keeps line breaks', () => {
    const xml = toTxml({ note: `Lloyd's <Register> & "Co"\nline 2\r\n` }, undefined);
    assert.ok(xml.includes('<note>Lloyd&apos;s &lt;Register&gt; &amp; &quot;Co&quot;\nline 2&#13;\n</note>'));
  });

  it('writes empty objects as empty elements and empty strings as empty text', () => {
    const xml = toTxml({ eventDates: {}, position: '' }, undefined);
    assert.deepEqual(bodyOf(xml), [
      '<WebhookBody>',
      '  <eventDates/>',
      '  <position></position>',
      '</WebhookBody>',
    ]);
  });

  it('turns keys that are not XML names into names instead of breaking the document', () => {
    const xml = toTxml({ 'two words': 'a', '1st': 'b', 'a<b': 'c' }, undefined);
    assert.ok(xml.includes('<two_words>a</two_words>'));
    assert.ok(xml.includes('<_1st>b</_1st>'));
    assert.ok(xml.includes('<a_b>c</a_b>'));
  });

  it('replaces characters XML 1.0 cannot carry', () => {
    assert.ok(toTxml({ a: 'x\u0001y' }, undefined).includes('<a>x\uFFFDy</a>'));
  });

  it('writes members named like object internals as plain elements, touching no prototype', () => {
    const body = JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "constructor": "c", "toString": 1}',
    ) as unknown;
    assert.deepEqual(bodyOf(toTxml(body, undefined)), [
      '<WebhookBody>',
      '  <__proto__>',
      '    <polluted>yes</polluted>',
      '  </__proto__>',
      '  <constructor>c</constructor>',
      '  <toString>1</toString>',
      '</WebhookBody>',
    ]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('keeps text as written: leading zeros, exponent-like strings and whitespace', () => {
    const xml = toTxml({ position: '0001', code: '1e5', blank: '  ' }, undefined);
    assert.deepEqual(bodyOf(xml), [
      '<WebhookBody>',
      '  <position>0001</position>',
      '  <code>1e5</code>',
      '  <blank>  </blank>',
      '</WebhookBody>',
    ]);
  });

  it('writes members whose names become the same element as that element repeated', () => {
    const xml = toTxml({ 'a b': 1, a_b: 2, nested: [[{}, 'x']] }, undefined);
    assert.deepEqual(bodyOf(xml), [
      '<WebhookBody>',
      '  <a_b>1</a_b>',
      '  <a_b>2</a_b>',
      '  <nested/>',
      '  <nested>x</nested>',
      '</WebhookBody>',
    ]);
  });
});
