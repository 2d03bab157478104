import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { fromTxml, type JsonSchema } from '../../../src/core/txml/index.js';
import { loadBundledSchemas } from './bundled-schemas.js';

function wrap(orderEvent: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<WebhookBody>\n<eventName>OrderIssuedByBuyer</eventName>\n<orderEvent>${orderEvent}</orderEvent>\n</WebhookBody>\n`;
}

describe('fromTxml', () => {
  let order: JsonSchema;
  let shipment: JsonSchema;
  before(async () => ({ order, shipment } = await loadBundledSchemas()));

  const event = (xml: string) =>
    (fromTxml(wrap(xml), order).value as { orderEvent: Record<string, unknown> }).orderEvent;

  it('reads the root name and the members', () => {
    const result = fromTxml(wrap('<orderId>o-1</orderId>'), order);
    assert.equal(result.rootName, 'WebhookBody');
    assert.deepEqual(result.value, { eventName: 'OrderIssuedByBuyer', orderEvent: { orderId: 'o-1' } });
  });

  it('makes a one-element array of a single item element', () => {
    const value = event('<line><id>l-1</id><buyerLine><position>0001</position></buyerLine></line>');
    assert.deepEqual(value.lines, [{ id: 'l-1', buyerLine: { position: '0001' } }]);
  });

  it('collects repeated item elements in document order, wherever they are', () => {
    const value = event('<line><id>a</id></line><orderId>o</orderId><line><id>b</id></line>');
    assert.deepEqual(value, { lines: [{ id: 'a' }, { id: 'b' }], orderId: 'o' });
  });

  it('converts text to numbers, integers and booleans only where the schema asks', () => {
    const value = event(
      `<version>7</version><indicators><deliveryOverdue>true</deliveryOverdue></indicators>
       <line><id>0001</id><buyerLine><position>0001</position>
         <deliveryScheduleLine><position>0002</position><date>2026-09-01</date><quantity>1234.560</quantity></deliveryScheduleLine>
         <item><number>12345</number></item>
       </buyerLine></line>`,
    );
    assert.equal(value.version, 7);
    assert.deepEqual(value.indicators, { deliveryOverdue: true });
    const [line] = value.lines as Record<string, Record<string, unknown>>[];
    assert.equal(line!.id, '0001');
    assert.deepEqual(line!.buyerLine, {
      position: '0001',
      deliverySchedule: [{ position: '0002', date: '2026-09-01', quantity: 1234.56 }],
      item: { number: '12345' },
    });
  });

  it('leaves text that does not parse as the string, for validation to report', () => {
    const value = event(
      '<version>seven</version><indicators><deliveryOverdue>yes</deliveryOverdue></indicators>',
    );
    assert.equal(value.version, 'seven');
    assert.deepEqual(value.indicators, { deliveryOverdue: 'yes' });
  });

  it('keeps element text as written, including whitespace and line breaks inside text', () => {
    const value = event('<buyerOrder><description> two\nlines </description></buyerOrder>');
    assert.deepEqual(value.buyerOrder, { description: ' two\nlines ' });
  });

  it('reads an empty element as the empty string, an empty object, or null where only null fits', () => {
    const value = event(
      '<orderId/><eventDates/><line><id>l</id><deliverySchedule/><deliveryScheduleLine><date/><quantity></quantity><position/></deliveryScheduleLine></line>',
    );
    assert.equal(value.orderId, '');
    assert.deepEqual(value.eventDates, {});
    const [line] = value.lines as Record<string, unknown>[];
    assert.deepEqual(line!.deliverySchedule, [{ date: null, quantity: null, position: '' }]);
  });

  it('carries unknown elements through: repeated ones as arrays, nested ones as objects', () => {
    const value = event(
      '<orderId>o</orderId><futureFlag>x</futureFlag><futureList>a</futureList><futureList>b</futureList><future><deep>1</deep></future>',
    );
    assert.deepEqual(value, {
      orderId: 'o',
      futureFlag: 'x',
      futureList: ['a', 'b'],
      future: { deep: '1' },
    });
  });

  it('reads eventDates members through additionalProperties', () => {
    assert.deepEqual(event('<eventDates><issuedAt>2026-01-01T00:00:00Z</issuedAt></eventDates>').eventDates, {
      issuedAt: '2026-01-01T00:00:00Z',
    });
  });

  it('accepts the aliases of deliveryScheduleIncludingRequests, also inside a wrapper', () => {
    const direct = event(
      '<line><id>l</id><deliveryScheduleLine><position>1</position></deliveryScheduleLine><deliveryScheduleIncludingRequestsLine><position>2</position></deliveryScheduleIncludingRequestsLine></line>',
    );
    assert.deepEqual(direct.lines, [
      {
        id: 'l',
        deliverySchedule: [{ position: '1' }],
        deliveryScheduleIncludingRequests: [{ position: '2' }],
      },
    ]);
    const wrapped = event(
      '<line><id>l</id><deliveryScheduleIncludingRequests><deliveryScheduleLine><quantity>5</quantity></deliveryScheduleLine><deliveryScheduleLine><quantity>6</quantity></deliveryScheduleLine></deliveryScheduleIncludingRequests></line>',
    );
    assert.deepEqual(wrapped.lines, [
      { id: 'l', deliveryScheduleIncludingRequests: [{ quantity: 5 }, { quantity: 6 }] },
    ]);
  });

  it('reads an element named like a string array as one item', () => {
    assert.deepEqual(event('<buyerOrder><notes>n</notes><note>m</note></buyerOrder>').buyerOrder, {
      notes: ['n', 'm'],
    });
  });

  it('decodes the predefined entities and character references exactly once; CDATA stays literal', () => {
    const value = event(
      '<buyerOrder><description>Lloyd&apos;s &amp;lt; &#65;&#x42; &quot;x&quot; &gt;<![CDATA[ &amp; <raw>]]></description></buyerOrder>',
    );
    assert.deepEqual(value.buyerOrder, { description: `Lloyd's &lt; AB "x" > &amp; <raw>` });
  });

  it('accepts a byte order mark, CRLF line ends, comments and processing instructions', () => {
    const xml = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- sent by the portal -->\r\n<WebhookBody><?pi x?><eventName>E</eventName><!-- c --><orderEvent><orderId>o</orderId></orderEvent></WebhookBody>\r\n`;
    assert.deepEqual(fromTxml(xml, order).value, { eventName: 'E', orderEvent: { orderId: 'o' } });
  });

  it('works without a schema: everything is a string, repeats become arrays', () => {
    const result = fromTxml('<Root><a>1</a><b>true</b><c>x</c><c>y</c><d/></Root>', undefined);
    assert.equal(result.rootName, 'Root');
    assert.deepEqual(result.value, { a: '1', b: 'true', c: ['x', 'y'], d: '' });
  });

  it('reads shipment arrays through the shipment schema', () => {
    const xml =
      '<WebhookBody><eventName>ShipmentIssuedBySupplier</eventName><shipment><id>s</id><supplierShipment><companyId>c</companyId><invoiceNumber>I-1</invoiceNumber><contact><email>e@x.nl</email></contact></supplierShipment><loadCarrier><line><supplierLine><despatchQuantity>12.5</despatchQuantity></supplierLine></line></loadCarrier><locations><destination><location><id>1</id><name>Dock</name></location></destination></locations></shipment></WebhookBody>';
    assert.deepEqual((fromTxml(xml, shipment).value as Record<string, unknown>).shipment, {
      id: 's',
      supplierShipment: { companyId: 'c', invoiceNumbers: ['I-1'], contacts: [{ email: 'e@x.nl' }] },
      loadCarriers: [{ lines: [{ supplierLine: { despatchQuantity: 12.5 } }] }],
      locations: { destinations: [{ location: { id: '1', names: ['Dock'] } }] },
    });
  });

  it('keeps element names that are JavaScript object members as plain data', () => {
    const value = fromTxml(
      '<Root><toString>a</toString><hasOwnProperty>b</hasOwnProperty></Root>',
      undefined,
    ).value;
    assert.deepEqual(value, { toString: 'a', hasOwnProperty: 'b' });
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
  });

  it('reads array properties named like object members', () => {
    const schema: JsonSchema = { properties: { toString: { type: 'array', items: { type: 'string' } } } };
    assert.deepEqual(fromTxml('<R><toString>a</toString><toString>b</toString></R>', schema).value, {
      toString: ['a', 'b'],
    });
  });

  it('follows property schemas inside allOf, anyOf and oneOf', () => {
    const schema: JsonSchema = {
      allOf: [{ properties: { a: { type: 'integer' } } }],
      anyOf: [{ properties: { list: { type: 'array', items: { xml: { name: 'entry' }, type: 'number' } } } }],
      oneOf: [{ properties: { flag: { type: 'boolean' } } }],
    };
    assert.deepEqual(fromTxml('<R><a>3</a><entry>1.5</entry><flag>false</flag></R>', schema).value, {
      a: 3,
      list: [1.5],
      flag: false,
    });
  });

  it('survives a circular schema', () => {
    const node: JsonSchema = { type: 'object', properties: {} };
    (node.properties as Record<string, unknown>).child = node;
    (node.properties as Record<string, unknown>).children = { type: 'array', items: node };
    assert.deepEqual(fromTxml('<R><child><child/></child><child2/></R>', node).value, {
      child: { child: {} },
      child2: '',
    });
  });
});
