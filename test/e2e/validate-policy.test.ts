import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ValidateReport } from '../../src/commands/validate.js';
import { runCli } from '../helpers/run-cli.js';

const POLICY = 'fixtures/payloads/policy';

async function validate(file: string, strict: boolean) {
  const r = await runCli(['validate', '--json', ...(strict ? ['--strict'] : []), `${POLICY}/${file}`]);
  assert.equal(r.stderr, '', 'nothing on stderr');
  const report = JSON.parse(r.stdout) as ValidateReport;
  const found = report.files[0]!;
  const issues = (list: { path: string; message: string }[]) => list.map((i) => [i.path, i.message]);
  const keywords = [...found.errors, ...found.warnings].map((i) => i.keyword);
  return { code: r.code, errors: issues(found.errors), warnings: issues(found.warnings), keywords };
}

describe('tc-webhook validate: never rejects what Tradecloud may send', () => {
  for (const file of [
    'documented-fields.json',
    'nulls-in-optional-fields.json',
    'nulls-in-delivery-schedule.json',
  ]) {
    it(`${file}: valid without warnings, also with --strict`, async () => {
      for (const strict of [false, true]) {
        const r = await validate(file, strict);
        assert.deepEqual(
          { code: r.code, errors: r.errors, warnings: r.warnings },
          { code: 0, errors: [], warnings: [] },
        );
      }
    });
  }

  it('a null in a required field is still an error', async () => {
    const body = JSON.stringify({ eventName: 'OrderIssuedByBuyer', orderEvent: { orderId: null } });
    const r = await runCli(['validate', '--json', '-'], { input: body });
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout) as ValidateReport;
    assert.deepEqual(
      report.files[0]!.errors.map((e) => [e.path, e.message]),
      [['/orderEvent/orderId', 'must be a string, found null']],
    );
  });

  it('simpleOrderEvent is an error that names its new name', async () => {
    const r = await validate('simple-order-event.json', false);
    assert.equal(r.code, 1);
    assert.deepEqual(r.errors, [
      [
        '/simpleOrderEvent',
        'simpleOrderEvent was renamed singleDeliveryOrderEvent in April 2024; Tradecloud no longer sends it (docs/webhook-payloads.md §3.0)',
      ],
    ]);
    assert.deepEqual(r.keywords, ['retired-body-field']);
  });
});

describe('tc-webhook validate: says what Tradecloud cannot send (a warning; an error with --strict)', () => {
  const cases: [file: string, path: string, message: RegExp, keyword: string][] = [
    [
      'retired-event-name.json',
      '/eventName',
      /^"OrderReissuedByBuyer" is a retired event name: the pre-2021 name/,
      'retired-event-name',
    ],
    [
      'retired-shipment-event-name.json',
      '/eventName',
      /^"ShipmentDespatchedBySupplier" is a retired event name/,
      'retired-event-name',
    ],
    [
      'event-name-of-another-body.json',
      '/eventName',
      /^"OrderLinesAcceptedBySupplier" is an order event, but a body with orderDocumentsEvent carries only the OrderDocumentsAttachedBy… events/,
      'event-name-body-mismatch',
    ],
    [
      'relative-document-url.json',
      '/orderDocumentsEvent/supplierOrder/documents/0/url',
      /^the string "documents\/OC-SO123456789\.pdf" is not an absolute URL/,
      'relative-document-url',
    ],
    [
      'shipment-in-txml.xml',
      '',
      /^a shipment body in tXML: Tradecloud sends shipment webhooks as JSON only$/,
      'shipment-in-txml',
    ],
  ];
  for (const [file, path, message, keyword] of cases) {
    it(file, async () => {
      const lenient = await validate(file, false);
      assert.equal(lenient.code, 0);
      assert.deepEqual(lenient.errors, []);
      assert.equal(lenient.warnings.length, 1, JSON.stringify(lenient.warnings));
      assert.equal(lenient.warnings[0]![0], path);
      assert.match(lenient.warnings[0]![1]!, message);
      assert.deepEqual(lenient.keywords, [keyword], 'the policy rule is named');
      const strict = await validate(file, true);
      assert.equal(strict.code, 1);
      assert.deepEqual(strict.warnings, []);
      assert.deepEqual(strict.errors, lenient.warnings);
    });
  }
});
