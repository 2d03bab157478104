import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { ValidateReport } from '../../src/commands/validate.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const VALID = 'fixtures/payloads/valid';
const INVALID = 'fixtures/payloads/invalid';

async function validateJson(args: string[], input?: string) {
  const r = await runCli(['validate', '--json', ...args], { input });
  assert.equal(r.stderr, '', 'nothing on stderr');
  return { code: r.code, report: JSON.parse(r.stdout) as ValidateReport };
}

function fileResult(report: ValidateReport, name: string) {
  const found = report.files.find((f) => f.file.endsWith(`/${name}`));
  assert.ok(found, `a result for ${name}`);
  return found;
}

describe('tc-webhook validate: payload fixtures', () => {
  it('every valid fixture, JSON and tXML, is valid without warnings (exit 0)', async () => {
    const { code, report } = await validateJson([VALID]);
    assert.equal(code, 0);
    assert.equal(report.ok, true);
    const expected: Record<string, [string, string]> = {
      'order-documents-event.json': ['order', 'json'],
      'order-documents-event.xml': ['order', 'txml'],
      'order-event.json': ['order', 'json'],
      'order-event.xml': ['order', 'txml'],
      'shipment.json': ['shipment', 'json'],
      'single-delivery-order-event.json': ['order', 'json'],
      'single-delivery-order-event.xml': ['order', 'txml'],
    };
    assert.deepEqual(
      report.files.map((f) => f.file),
      Object.keys(expected).map((name) => `${VALID}/${name}`),
      'every .json/.xml in the directory, sorted',
    );
    for (const [name, [type, format]] of Object.entries(expected)) {
      const f = fileResult(report, name);
      assert.deepEqual(
        { valid: f.valid, type: f.type, format: f.format, errors: f.errors, warnings: f.warnings },
        { valid: true, type, format, errors: [], warnings: [] },
        name,
      );
    }
    assert.deepEqual(report.summary, { files: 7, valid: 7, invalid: 0, warnings: 0 });
    assert.deepEqual(report.schemas.map((s) => [s.type, s.source]).sort(), [
      ['order', 'bundled'],
      ['shipment', 'bundled'],
    ]);
  });

  it('--strict keeps every valid fixture valid', async () => {
    const { code, report } = await validateJson(['--strict', VALID]);
    assert.equal(code, 0);
    assert.equal(report.summary.valid, 7);
  });

  it('each invalid fixture reports the expected path, message and position (exit 1)', async () => {
    const { code, report } = await validateJson([INVALID]);
    assert.equal(code, 1);
    const expectations: Record<
      string,
      { valid: boolean; path: string; keyword: string; message: RegExp; at: object }
    > = {
      'missing-required-field.json': {
        valid: false,
        keyword: 'required',
        path: '/orderEvent',
        message: /^required field "orderId" is missing$/,
        at: { line: 3, column: 17 },
      },
      'missing-required-field.xml': {
        valid: false,
        keyword: 'required',
        path: '/orderEvent',
        message: /^required field "orderId" is missing$/,
        at: { element: '/WebhookBody/orderEvent' },
      },
      'wrong-type.json': {
        valid: false,
        keyword: 'type',
        path: '/orderEvent/lines/0/buyerLine/position',
        message: /^must be a string, found the number 10$/,
        at: { line: 36, column: 23 },
      },
      'bad-date.json': {
        valid: false,
        keyword: 'format',
        path: '/orderEvent/lines/0/deliverySchedule/0/date',
        message: /^must be a date \(yyyy-MM-dd\), found the string "2026-13-45"$/,
        at: { line: 66, column: 21 },
      },
      'malformed.json': {
        valid: false,
        keyword: 'malformed-json',
        path: '',
        message: /^malformed JSON: expected "," between values$/,
        at: { line: 5, column: 5 },
      },
      'malformed.xml': {
        valid: false,
        keyword: 'malformed-xml',
        path: '',
        message: /^malformed XML: .*closing tag 'buyerLine'/,
        at: { line: 80, column: 5 },
      },
      'doctype-entity.xml': {
        valid: false,
        path: '',
        keyword: 'unsafe-xml',
        message: /unsafe/,
        at: { line: 2, column: 1 },
      },
      'external-entity.xml': {
        valid: false,
        path: '',
        keyword: 'unsafe-xml',
        message: /unsafe/,
        at: { line: 2, column: 1 },
      },
    };
    for (const [name, want] of Object.entries(expectations)) {
      const f = fileResult(report, name);
      assert.equal(f.valid, want.valid, name);
      assert.equal(f.errors.length, 1, `${name}: ${JSON.stringify(f.errors)}`);
      const [error] = f.errors;
      assert.equal(error!.path, want.path, name);
      assert.equal(error!.keyword, want.keyword, name);
      assert.match(error!.message, want.message, name);
      assert.deepEqual(
        { ...error, path: undefined, keyword: undefined, message: undefined },
        { path: undefined, keyword: undefined, message: undefined, ...want.at },
        name,
      );
    }
    assert.doesNotMatch(JSON.stringify(report), /root:|lollollol/, 'no entity was expanded or file read');
  });

  it('an undocumented enum value is a warning with the bundled schema, an error with --strict', async () => {
    const file = `${INVALID}/wrong-enum-value.json`;
    const lenient = await validateJson([file]);
    assert.equal(lenient.code, 0, 'warnings never change the exit code');
    const [f] = lenient.report.files;
    assert.equal(f!.valid, true);
    assert.deepEqual(f!.warnings, [
      {
        path: '/orderEvent/lines/0/status/processStatus',
        keyword: 'enum',
        message:
          '"Shipped" is not a documented value (Issued, InProgress, Confirmed, Rejected, Completed, Cancelled)',
        line: 85,
        column: 28,
      },
    ]);
    const strict = await validateJson(['--strict', file]);
    assert.equal(strict.code, 1);
    assert.equal(strict.report.files[0]!.errors[0]!.path, '/orderEvent/lines/0/status/processStatus');
    assert.match(
      strict.report.files[0]!.errors[0]!.message,
      /must be one of the allowed values \(Issued, .*\), found the string "Shipped"/,
    );
  });

  it('an unknown field is allowed, and an error with --strict', async () => {
    const file = `${INVALID}/unknown-field.json`;
    const lenient = await validateJson([file]);
    assert.equal(lenient.code, 0);
    assert.deepEqual(lenient.report.files[0]!.warnings, []);
    const strict = await validateJson(['--strict', file]);
    assert.equal(strict.code, 1);
    assert.deepEqual(
      strict.report.files[0]!.errors.map((e) => [e.path, e.keyword, e.message]),
      [
        [
          '/orderEvent/lines/0/buyerLine/packagingInstructions',
          'additionalProperties',
          'unknown field "packagingInstructions": the schema does not define it',
        ],
      ],
    );
  });

  it('prints a human report: one line per file, indented findings with positions, a summary', async () => {
    const r = await runCli([
      'validate',
      `${VALID}/shipment.json`,
      `${INVALID}/wrong-type.json`,
      `${INVALID}/wrong-enum-value.json`,
    ]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout,
      [
        `✓ ${VALID}/shipment.json  shipment webhook, JSON`,
        `✗ ${INVALID}/wrong-type.json  order webhook, JSON`,
        `  ✗ /orderEvent/lines/0/buyerLine/position: must be a string, found the number 10 (${INVALID}/wrong-type.json:36:23)`,
        `✓ ${INVALID}/wrong-enum-value.json  order webhook, JSON`,
        `  ! /orderEvent/lines/0/status/processStatus: "Shipped" is not a documented value (Issued, InProgress, Confirmed, Rejected, Completed, Cancelled) (${INVALID}/wrong-enum-value.json:85:28)`,
        '',
        '3 files checked: 2 valid, 1 invalid; 1 warning',
        '',
      ].join('\n'),
    );
  });

  it('names the element path for tXML findings', async () => {
    const r = await runCli(['validate', `${INVALID}/missing-required-field.xml`]);
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /✗ \/orderEvent: required field "orderId" is missing \(element \/WebhookBody\/orderEvent\)/,
    );
  });

  it('reads stdin for -, JSON or tXML', async () => {
    const json = await validateJson(['-'], readFileSync(`${ROOT}/${VALID}/order-event.json`, 'utf8'));
    assert.equal(json.code, 0);
    assert.deepEqual(
      [json.report.files[0]!.file, json.report.files[0]!.type, json.report.files[0]!.format],
      ['<stdin>', 'order', 'json'],
    );
    const xml = await validateJson(['-'], readFileSync(`${ROOT}/${VALID}/order-event.xml`, 'utf8'));
    assert.equal(xml.code, 0);
    assert.equal(xml.report.files[0]!.format, 'txml');
  });

  it('caps the listed errors at --max-errors and counts the rest', async () => {
    const body = {
      eventName: 1,
      orderEvent: { orderId: 2, buyerOrder: 3, supplierOrder: 4, lines: 5, version: 'x' },
    };
    const { code, report } = await validateJson(['--max-errors', '2', '-'], JSON.stringify(body));
    assert.equal(code, 1);
    const [f] = report.files;
    assert.equal(f!.errors.length, 2);
    assert.ok((f!.moreErrors ?? 0) >= 4, JSON.stringify(f));
    const human = await runCli(['validate', '--max-errors', '2', '-'], { input: JSON.stringify(body) });
    assert.match(human.stdout, new RegExp(`  … and ${f!.moreErrors} more errors\\n`));
  });

  it('--type decides the webhook; auto names what it found when it is neither', async () => {
    const typed = await validateJson(['--type', 'shipment', `${VALID}/order-event.json`]);
    assert.equal(typed.code, 1);
    assert.deepEqual(
      typed.report.files[0]!.errors.map((e) => e.message),
      ['required field "shipment" is missing'],
    );

    const neither = await validateJson(['-'], JSON.stringify({ eventName: 'OrderIssuedByBuyer', order: {} }));
    assert.equal(neither.code, 1);
    const [f] = neither.report.files;
    assert.equal(f!.type, null);
    assert.deepEqual(f!.errors, [
      {
        path: '',
        keyword: 'unknown-body',
        message:
          'neither an order nor a shipment webhook body: found top-level fields "eventName", "order"; expected "orderEvent", "singleDeliveryOrderEvent" or "orderDocumentsEvent" (order webhook) or "shipment" (shipment webhook)',
        line: 1,
        column: 1,
      },
    ]);
  });

  it('a missing file or a directory without payloads cannot be validated (exit 2, one line)', async () => {
    const missing = await runCli(['validate', `${VALID}/order-event.json`, 'no/such/file.json']);
    assert.equal(missing.code, 2);
    assert.equal(missing.stdout, '');
    assert.equal(
      missing.stderr,
      'tc-webhook: cannot read no/such/file.json: no such file or directory. Check the path\n',
    );
    const empty = await runCli(['validate', 'fixtures/certs']);
    assert.equal(empty.code, 2);
    assert.equal(
      empty.stderr,
      'tc-webhook: no .json or .xml files in directory fixtures/certs. Pass payload files, or a directory that contains them\n',
    );
  });
});
