/**
 * Payload help through the real CLI: an enum value that differs only in case, `validate --only-failed`,
 * `validate --spec` with a JSON Schema document (the tool's own export), the export's note on formats,
 * `send-sample --file <folder> --event <names>`, and the invalid payload doctor shows and saves.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DoctorReport } from '../../src/commands/doctor.js';
import type { SendSampleReport } from '../../src/report/send-sample-report.js';
import type { ValidateReport } from '../../src/commands/validate.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { ROOT, TEST_TMPDIR } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

const VALID = `${ROOT}fixtures/payloads/valid`;
const ORDER = readFileSync(`${VALID}/order-event.json`, 'utf8');

describe('payload help', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(TEST_TMPDIR, 'payload-help-'));
    // The first line's "Item" written in capitals: a slip of case, not an unknown value.
    writeFileSync(join(dir, 'upper-case.json'), ORDER.replace('"lineType": "Item"', '"lineType": "ITEM"'));
    writeFileSync(join(dir, 'clean.json'), ORDER);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('an enum value that differs only in case is named as such, as a warning and under --strict', async () => {
    const lenient = await runMain(['validate', join(dir, 'upper-case.json')]);
    assert.equal(lenient.code, 0, lenient.stderr);
    assert.match(
      lenient.stdout,
      /! \/orderEvent\/lines\/0\/lineType: "ITEM" is not a documented value \(Item, Service, Charge\); did you mean "Item"\? \(only the case differs\)/,
    );
    const strict = await runMain(['validate', '--strict', '--json', join(dir, 'upper-case.json')]);
    assert.equal(strict.code, 1);
    const report = JSON.parse(strict.stdout) as ValidateReport;
    assert.equal(
      report.files[0]?.errors[0]?.message,
      'must be one of the allowed values (Item, Service, Charge), found the string "ITEM"; did you mean "Item"? (only the case differs)',
    );
    // A value that is not a case slip gets no such hint.
    const other = await runMain(['validate', `${ROOT}fixtures/payloads/invalid/wrong-enum-value.json`]);
    assert.doesNotMatch(other.stdout, /did you mean/);
  });

  it('validate --only-failed lists only files with findings; the summary counts every file', async () => {
    const human = await runMain(['validate', '--only-failed', VALID, dir]);
    assert.equal(human.code, 0, human.stderr);
    assert.deepEqual(
      human.stdout.split('\n').filter((line) => /^[✓✗] /.test(line)),
      [`✓ ${join(dir, 'upper-case.json')}  order webhook, JSON`],
    );
    assert.match(
      human.stdout,
      /\n9 files checked: 9 valid, 0 invalid; 1 warning \(8 files without findings not listed: --only-failed\)\n$/,
    );
    const json = await runMain(['validate', '--only-failed', '--strict', '--json', VALID, dir]);
    assert.equal(json.code, 1);
    const report = JSON.parse(json.stdout) as ValidateReport;
    assert.equal(report.onlyFailed, true);
    assert.deepEqual(
      report.files.map((f) => f.file),
      [join(dir, 'upper-case.json')],
    );
    assert.deepEqual(report.summary, { files: 9, valid: 8, invalid: 1, warnings: 0 });
    const clean = await runMain(['validate', '--only-failed', '--json', VALID]);
    assert.equal(clean.code, 0);
    assert.deepEqual((JSON.parse(clean.stdout) as ValidateReport).files, []);
  });

  it('validate --spec takes the JSON Schema that `schema --format json-schema` prints, and uses it', async () => {
    const exported = await runMain(['schema', '--format', 'json-schema']);
    assert.equal(exported.code, 0);
    const schemaFile = join(dir, 'order.schema.json');
    writeFileSync(schemaFile, exported.stdout);
    const run = await runMain([
      'validate',
      '--json',
      '--spec',
      schemaFile,
      `${VALID}/order-event.json`,
      join(dir, 'upper-case.json'),
    ]);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as ValidateReport;
    assert.deepEqual(report.schemas, [
      { type: 'order', source: 'spec', spec: schemaFile, operation: 'JSON Schema OrderWebhookBody' },
    ]);
    assert.deepEqual(
      report.files.map((f) => f.valid),
      [true, false],
    );
    // The exported schema keeps documented enums as enums (and "X or null"): the error is the enum's.
    assert.deepEqual(report.files[1]?.errors[0], {
      path: '/orderEvent/lines/0/lineType',
      keyword: 'enum',
      message:
        'must be one of the allowed values (Item, Service, Charge), found the string "ITEM"; did you mean "Item"? (only the case differs)',
      line: 138,
      column: 21,
    });
    // A draft-04 schema is refused in one line, not misread.
    const old = join(dir, 'draft-04.json');
    writeFileSync(
      old,
      JSON.stringify({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'object' }),
    );
    const refused = await runMain(['validate', '--spec', old, `${VALID}/order-event.json`]);
    assert.equal(refused.code, 2);
    assert.match(
      refused.stderr,
      /^tc-webhook: the JSON Schema .*draft-04.json declares "\$schema": "http:\/\/json-schema\.org\/draft-04\/schema#", which is not supported\. Use JSON Schema draft-07, 2019-09 or 2020-12/,
    );
  });

  it('the exported JSON Schema says which formats need ajv-formats', async () => {
    for (const type of ['order', 'shipment']) {
      const run = await runMain(['schema', '--type', type, '--format', 'json-schema']);
      const schema = JSON.parse(run.stdout) as { $comment?: string; description?: string };
      assert.match(
        schema.$comment ?? '',
        /^Formats used: "date", "date-time", "email", .*"uuid"\. Ajv checks them only with the ajv-formats package/,
      );
      assert.ok(schema.description?.includes(schema.$comment ?? '-'), 'the description says it too');
    }
  });
});

describe('payload help against an endpoint', () => {
  let receiver: Receiver;
  let dir: string;
  before(async () => {
    receiver = await startReceiver({});
    dir = mkdtempSync(join(TEST_TMPDIR, 'replay-'));
    mkdirSync(join(dir, 'nested'));
    copyFileSync(`${VALID}/order-event.json`, join(dir, 'order-event.json'));
    copyFileSync(`${VALID}/shipment.json`, join(dir, 'nested', 'shipment.json'));
    copyFileSync(`${VALID}/order-documents-event.xml`, join(dir, 'order-documents-event.xml'));
  });
  after(async () => {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('send-sample --file <folder> --event <names> replays only those events', async () => {
    const events = (file: string) =>
      (JSON.parse(readFileSync(file, 'utf8')) as { eventName: string }).eventName;
    const order = events(join(dir, 'order-event.json'));
    const shipment = events(join(dir, 'nested', 'shipment.json'));
    const before = receiver.requests.length;
    const run = await runMain([
      'send-sample',
      receiver.url,
      '--ca',
      ROOT_CA_FILE,
      '--file',
      dir,
      '--event',
      `${shipment},${order}`,
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as Extract<SendSampleReport, { summary: unknown }>;
    assert.equal(report.summary.sent, 2);
    const sent = receiver.requests
      .slice(before)
      .map((r) => (JSON.parse(r.body) as { eventName: string }).eventName);
    assert.deepEqual(sent.sort(), [order, shipment].sort());

    const none = await runMain([
      'send-sample',
      receiver.url,
      '--ca',
      ROOT_CA_FILE,
      '--file',
      dir,
      '--event',
      'ShipmentIssuedBySupplier',
    ]);
    assert.equal(none.code, 2);
    assert.match(
      none.stderr,
      /^tc-webhook: no --file payload carries event "ShipmentIssuedBySupplier"\. The files carry: /,
    );
    const typo = await runMain([
      'send-sample',
      receiver.url,
      '--file',
      dir,
      '--event',
      'OrderIssuedByByer',
      '--json',
    ]);
    assert.equal(typo.code, 2);
    assert.equal((JSON.parse(typo.stdout) as { error: { code: string } }).error.code, 'usage.unknown-event');
    assert.match(typo.stderr, /unknown event "OrderIssuedByByer"\. Did you mean OrderIssuedByBuyer/);
    assert.equal(receiver.requests.length, before + 2, 'nothing sent by the refused runs');
  });

  it('doctor shows the invalid payload it sent, and --report saves it', async () => {
    const args = ['doctor', receiver.url, '--ca', ROOT_CA_FILE, '--yes', '--events', 'OrderIssuedByBuyer'];
    const json = await runMain([...args, '--json']);
    const report = JSON.parse(json.stdout) as DoctorReport;
    const sent = receiver.requests.find((r) => r.body === report.invalidPayload?.body);
    assert.ok(sent, 'the body shown is the body the endpoint received');
    assert.equal(report.invalidPayload?.contentType, 'application/json');
    assert.match(report.invalidPayload?.body ?? '', /"lines": "not a list of lines"/);

    const md = join(dir, 'doctor.md');
    const xml = join(dir, 'doctor.xml');
    const human = await runMain([...args, '--report', md]);
    assert.match(
      human.stdout,
      /\nThe invalid payload sent for "Status codes for a bad payload" \(application\/json\):\n {2}\{\n {4}"eventName": "OrderIssuedByBuyer",\n/,
    );
    const markdown = readFileSync(md, 'utf8');
    assert.match(
      markdown,
      /\n## The invalid payload doctor sent\n\n.*\n\n```json\n\{\n {2}"eventName": "OrderIssuedByBuyer",[^`]*\n```\n/,
    );
    await runMain([...args, '--report', xml]);
    assert.match(
      readFileSync(xml, 'utf8'),
      /name="status-codes: Status codes for a bad payload">[\s\S]*the invalid payload sent \(application\/json\):\n\{\n {2}&#34;eventName&#34;: &#34;OrderIssuedByBuyer&#34;/,
    );
  });
});
