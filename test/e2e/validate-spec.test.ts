import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ValidateReport } from '../../src/commands/validate.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const SPECS = 'fixtures/specs';
const PAYLOADS = 'fixtures/specs/payloads';

async function validateJson(args: string[], options: Parameters<typeof runCli>[1] = {}) {
  const r = await runCli(['validate', '--json', ...args], options);
  assert.equal(r.stderr, '');
  return { code: r.code, report: JSON.parse(r.stdout) as ValidateReport };
}

function errorsOf(report: ValidateReport, name: string): string[] {
  const file = report.files.find((f) => f.file.endsWith(name));
  assert.ok(file, name);
  return file.errors.map((e) => `${e.path} ${e.message}`);
}

describe('tc-webhook validate --spec', () => {
  it('Swagger 2.0 with a relative file $ref: its enums are enforced as errors', async () => {
    const { code, report } = await validateJson([
      '--spec',
      `${SPECS}/swagger2-order.yaml`,
      `${PAYLOADS}/order-swagger2-valid.json`,
      `${PAYLOADS}/order-swagger2-invalid.json`,
    ]);
    assert.equal(code, 1);
    assert.deepEqual(errorsOf(report, 'order-swagger2-valid.json'), []);
    assert.deepEqual(errorsOf(report, 'order-swagger2-invalid.json'), [
      '/eventName must be one of the allowed values (OrderIssuedByBuyer, OrderLinesAcceptedBySupplier), found the string "OrderCancelledByBuyer"',
      '/orderEvent/supplierParty required field "name" is missing',
      '/orderEvent/supplierParty/countryCodeIso2 must match the pattern ^[A-Z]{2}$, found the string "nl"',
      '/orderEvent/version must be > 0, found the number 0',
      '/orderEvent/lines/0/position must be a string, found the number 1',
      '/orderEvent/lines/0/quantity must be a number, found the string "5"',
      '/orderEvent/lines/0/date must be a date (yyyy-MM-dd), found the string "2026-02-30"',
      '/orderEvent/lines/0/status must be one of the allowed values (Open, Shipped, Delivered), found the string "Lost"',
    ]);
    assert.deepEqual(report.schemas, [
      {
        type: 'order',
        source: 'spec',
        spec: `${SPECS}/swagger2-order.yaml`,
        operation: 'POST /order-webhook',
      },
    ]);
  });

  it('OpenAPI 3.0: nullable, x- keys, discriminator and readOnly do not disturb; oneOf errors come from one branch', async () => {
    const { code, report } = await validateJson([
      '--spec',
      `${SPECS}/openapi30-order.yaml`,
      `${PAYLOADS}/order-openapi30-valid.json`,
      `${PAYLOADS}/order-openapi30-branch.json`,
    ]);
    assert.equal(code, 1);
    assert.deepEqual(errorsOf(report, 'order-openapi30-valid.json'), []);
    assert.deepEqual(errorsOf(report, 'order-openapi30-branch.json'), [
      '/orderEvent/delivery/trackingNumber must be at least 5 characters long, found the string "1Z"',
      '/orderEvent/delivery/eta must be a date-time with a time zone (RFC 3339, e.g. 2026-08-01T09:15:30.123Z), found the string "tomorrow"',
    ]);
    const strict = await validateJson([
      '--strict',
      '--spec',
      `${SPECS}/openapi30-order.yaml`,
      `${PAYLOADS}/order-openapi30-valid.json`,
    ]);
    assert.equal(strict.code, 0, 'fields defined in the matching oneOf branch are known');
  });

  it('OpenAPI 3.1 in JSON: type arrays, const and the local time format', async () => {
    const { code, report } = await validateJson([
      '--spec',
      `${SPECS}/openapi31-shipment.json`,
      `${PAYLOADS}/shipment-openapi31-valid.json`,
      `${PAYLOADS}/shipment-openapi31-invalid.json`,
    ]);
    assert.equal(code, 1);
    assert.deepEqual(errorsOf(report, 'shipment-openapi31-valid.json'), []);
    assert.deepEqual(errorsOf(report, 'shipment-openapi31-invalid.json'), [
      '/shipment/id must be a UUID (8-4-4-4-12 hexadecimal digits), found the string "not-a-uuid"',
      '/shipment/transportMode must be a string or null, found the number 3',
      `/shipment/etaTime must be a local time (HH:mm:ss), found the string "8 o'clock"`,
      '/shipment/schemaVersion must be 2, found the number 1',
    ]);
  });

  it('a recursive schema is followed as deep as the data goes', async () => {
    const { code, report } = await validateJson([
      '--spec',
      `${SPECS}/recursive.yaml`,
      `${PAYLOADS}/recursive-valid.json`,
      `${PAYLOADS}/recursive-invalid.json`,
    ]);
    assert.equal(code, 1);
    assert.deepEqual(errorsOf(report, 'recursive-valid.json'), []);
    assert.deepEqual(errorsOf(report, 'recursive-invalid.json'), [
      '/orderEvent/properties/0/children/0/children/0 required field "key" is missing',
    ]);
  });

  it('with several POST operations, each webhook type gets its own, and the report says which', async () => {
    const args = [
      '--spec',
      `${SPECS}/multi-post.yaml`,
      `${PAYLOADS}/order-multi.json`,
      `${PAYLOADS}/shipment-multi.json`,
    ];
    const r = await runCli(['validate', ...args]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^order webhook schema: fixtures\/specs\/multi-post\.yaml, POST \/orders$/m);
    assert.match(r.stdout, /^shipment webhook schema: fixtures\/specs\/multi-post\.yaml, POST \/shipments$/m);
    assert.match(r.stdout, /\/orderEvent\/orderId: must be a string, found the number 7/);
    assert.match(r.stdout, /\/shipment\/id: must be a string, found the number 7/);
  });

  const unusable: [string, RegExp][] = [
    [
      'not-openapi.yaml',
      /is neither an OpenAPI document \(no "swagger" or "openapi" field\) nor a JSON Schema \(no "\$schema"\)/,
    ],
    ['no-post.yaml', /has no POST operation with a request body/],
    ['broken-ref.yaml', /has a broken \$ref "#\/definitions\/Missing"/],
    ['broken-file-ref.yaml', /has a broken \$ref: cannot read .*does-not-exist\.yaml/],
    ['circular-ref.yaml', /has a circular \$ref "#\/definitions\/[AB]"/],
    ['bad-yaml.yaml', /cannot parse the spec .*bad-yaml\.yaml at line 5, column 1/],
    ['missing.yaml', /cannot read the spec .*missing\.yaml: no such file/],
  ];
  for (const [spec, message] of unusable) {
    it(`an unusable spec (${spec}) stops the run: exit 2, one line`, async () => {
      const r = await runCli([
        'validate',
        '--spec',
        `${SPECS}/${spec}`,
        'fixtures/payloads/valid/order-event.json',
      ]);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^tc-webhook: [^\n]+\n$/);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /internal error| {4}at /);
    });
  }

  describe('a spec URL', () => {
    let http: Server;
    let silent: ReturnType<typeof createTcpServer>;
    const sockets: Socket[] = [];
    let base = '';
    let silentUrl = '';

    before(async () => {
      const spec = readFileSync(join(ROOT, SPECS, 'openapi30-order.yaml'));
      http = createHttpServer((req, res) => {
        if (req.url === '/specs.yaml') res.end(spec);
        else res.writeHead(404).end('not found');
      });
      // Accepts connections and never answers: a spec server that hangs.
      silent = createTcpServer((socket) => sockets.push(socket));
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
      silentUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}/specs.yaml`;
    });
    after(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => http.close(resolve));
      await new Promise((resolve) => silent.close(resolve));
    });

    it('is fetched and used', async () => {
      const { code, report } = await validateJson([
        '--spec',
        `${base}/specs.yaml`,
        `${PAYLOADS}/order-openapi30-valid.json`,
      ]);
      assert.equal(code, 0);
      assert.equal(report.schemas[0]!.operation, 'POST /orders');
    });

    it('that answers 404 is exit 2, one line', async () => {
      const r = await runCli([
        'validate',
        '--spec',
        `${base}/nope.yaml`,
        `${PAYLOADS}/order-openapi30-valid.json`,
      ]);
      assert.equal(r.code, 2);
      assert.equal(
        r.stderr,
        `tc-webhook: cannot fetch the spec ${base}/nope.yaml: HTTP 404. Check the --spec URL\n`,
      );
    });

    it('that does not answer within --timeout is exit 2, one line', async () => {
      const r = await runCli(
        ['validate', '--timeout', '300', '--spec', silentUrl, `${PAYLOADS}/order-openapi30-valid.json`],
        {
          killAfterMs: 20_000,
        },
      );
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.equal(
        r.stderr,
        `tc-webhook: the spec URL ${silentUrl} did not answer within 300 ms. Check the URL, or raise --timeout\n`,
      );
    });
  });

  describe('the schema cache', () => {
    const home = mkdtempSync(join(tmpdir(), 'tcw-cache-'));
    after(() => rmSync(home, { recursive: true, force: true }));

    it('gives the same results cold and warm', async () => {
      const env = { TMPDIR: home };
      const args = [
        'fixtures/payloads/valid/order-event.xml',
        'fixtures/payloads/invalid/wrong-enum-value.json',
      ];
      const cold = await validateJson(args, { env });
      const warm = await validateJson(args, { env });
      assert.equal(cold.code, 0);
      assert.deepEqual(warm.report, cold.report);
      assert.equal(cold.report.summary.warnings, 1);
    });

    it(
      'is not used from a folder that others can write to',
      { skip: process.platform === 'win32' },
      async () => {
        const shared = mkdtempSync(join(tmpdir(), 'tcw-shared-'));
        const cacheDir = join(shared, `tc-webhook-cache-${userInfo().uid}`);
        mkdirSync(cacheDir);
        chmodSync(cacheDir, 0o777);
        try {
          const { code } = await validateJson(['fixtures/payloads/valid/order-event.json'], {
            env: { TMPDIR: shared },
          });
          assert.equal(code, 0);
          assert.deepEqual(readdirSync(cacheDir), [], 'nothing written to or read from it');
        } finally {
          rmSync(shared, { recursive: true, force: true });
        }
      },
    );
  });
});
