import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { ValidateReport } from '../../src/commands/validate.js';
import { buildLargeOrderPayload } from '../bench/validate-fixtures.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tcw-hostile-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const orderEvent = readFileSync(join(ROOT, 'fixtures/payloads/valid/order-event.json'), 'utf8');

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function validateOne(path: string, extra: string[] = []) {
  const r = await runCli(['validate', '--json', ...extra, path], { killAfterMs: 120_000 });
  assert.equal(r.stderr, '');
  const report = JSON.parse(r.stdout) as ValidateReport;
  return { code: r.code, file: report.files[0]!, report };
}

describe('tc-webhook validate: hostile input', () => {
  it('malformed JSON is invalid with its line and column', async () => {
    const { code, file } = await validateOne(
      write('broken.json', '{\n  "eventName": "OrderIssuedByBuyer"\n  "orderEvent": {}\n}'),
    );
    assert.equal(code, 1);
    assert.deepEqual(file.errors, [
      {
        path: '',
        keyword: 'malformed-json',
        message: 'malformed JSON: expected "," between values',
        line: 3,
        column: 3,
      },
    ]);
  });

  it('malformed XML is invalid with its line and column', async () => {
    const { code, file } = await validateOne(
      write('broken.xml', '<WebhookBody>\n  <eventName>x</eventName>\n  <orderEvent>\n</WebhookBody>'),
    );
    assert.equal(code, 1);
    assert.equal(file.errors.length, 1);
    assert.match(file.errors[0]!.message, /^malformed XML: /);
    assert.equal(file.errors[0]!.line, 4);
  });

  it('a second root element, or content after the root, is malformed XML with its position', async () => {
    const body = readFileSync(join(ROOT, 'fixtures/payloads/valid/order-event.xml'), 'utf8').trimEnd();
    const lines = body.split('\n').length;
    const cases: [string, string, RegExp][] = [
      [
        'second-root.xml',
        `${body}\n<other/>\n`,
        /^malformed XML: a second root element <other> after the root element <WebhookBody>$/,
      ],
      ['second-root-open.xml', `${body}<other></other>`, /^malformed XML: /],
      [
        'trailing-text.xml',
        `${body}\ngarbage\n`,
        /^malformed XML: content after the root element <WebhookBody>$/,
      ],
    ];
    for (const [name, content, message] of cases) {
      const { code, file } = await validateOne(write(name, content));
      assert.equal(code, 1, name);
      assert.equal(file.valid, false, name);
      assert.equal(file.errors.length, 1, name);
      assert.match(file.errors[0]!.message, message, name);
      assert.equal(typeof file.errors[0]!.line, 'number', name);
      if (name !== 'second-root-open.xml') assert.equal(file.errors[0]!.line, lines + 1, name);
    }
  });

  it('an empty file is invalid, said in words', async () => {
    const { code, file } = await validateOne(write('empty.json', ''));
    assert.equal(code, 1);
    assert.equal(file.errors[0]!.message, 'the file is empty; expected a JSON or tXML webhook body');
  });

  it('a binary file is invalid and never echoed', async () => {
    const { code, file, report } = await validateOne(
      write('image.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])),
    );
    assert.equal(code, 1);
    assert.equal(
      file.errors[0]!.message,
      'binary content (a NUL byte at offset 8); expected a JSON or tXML webhook body',
    );
    assert.doesNotMatch(JSON.stringify(report), /PNG|\\u0000/);
    const latin1 = await validateOne(write('latin1.json', Buffer.from('{"eventName":"caf\xe9"}', 'latin1')));
    assert.equal(latin1.code, 1);
    assert.match(latin1.file.errors[0]!.message, /not valid UTF-8/);
    assert.equal(latin1.file.errors[0]!.keyword, 'text-encoding');
  });

  it('a UTF-8 BOM is accepted, also on a .json file that holds tXML', async () => {
    const bom = await validateOne(write('bom.json', `\ufeff${orderEvent}`));
    assert.equal(bom.code, 0);
    const xml = readFileSync(join(ROOT, 'fixtures/payloads/valid/order-event.xml'), 'utf8');
    const disguised = await validateOne(write('disguised.json', `\ufeff${xml}`));
    assert.equal(disguised.code, 0);
    assert.equal(disguised.file.format, 'txml');
  });

  it('JSON nested 10,000 levels deep is a clear error, not a crash', async () => {
    const path = write('deep.json', `{"orderEvent":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    const { code, file } = await validateOne(path);
    assert.equal(code, 1);
    assert.deepEqual(file.errors, [
      {
        path: '',
        keyword: 'nesting-depth',
        message: 'nested deeper than 512 levels; a webhook body is never this deep',
        line: 1,
        column: 526,
      },
    ]);
    const xml = await validateOne(
      write('deep.xml', `<WebhookBody>${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</WebhookBody>`),
    );
    assert.equal(xml.code, 1);
    assert.match(xml.file.errors[0]!.message, /nested deeper than 512 levels/);
    assert.equal(xml.file.errors[0]!.keyword, 'nesting-depth');
  });

  it('XML with DOCTYPE or entity declarations is refused as unsafe, nothing expanded or fetched', async () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [<!ENTITY lol "lol">' +
        Array.from(
          { length: 9 },
          (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
        ).join('') +
        ']>',
      '<WebhookBody><eventName>&lol9;</eventName><orderEvent/></WebhookBody>',
    ].join('\n');
    const bomb = await validateOne(write('laughs.xml', laughs));
    assert.equal(bomb.code, 1);
    assert.match(bomb.file.errors[0]!.message, /unsafe/);
    assert.equal(bomb.file.errors[0]!.line, 2);
    const external = await validateOne(
      write(
        'xxe.xml',
        '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<WebhookBody>&e;</WebhookBody>',
      ),
    );
    assert.equal(external.code, 1);
    assert.match(external.file.errors[0]!.message, /unsafe/);
    assert.doesNotMatch(JSON.stringify(external.report), /root:/);
  });

  it('a directory with 3,000 payloads completes, one result per file', async () => {
    const many = join(dir, 'many');
    mkdirSync(join(many, 'nested'), { recursive: true });
    for (let i = 0; i < 3000; i++) {
      const sub = i % 2 === 0 ? many : join(many, 'nested');
      writeFileSync(join(sub, `p${String(i).padStart(4, '0')}.json`), i === 2999 ? '{' : orderEvent);
    }
    const r = await runCli(['validate', '--json', many], { killAfterMs: 300_000 });
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout) as ValidateReport;
    assert.deepEqual(report.summary, { files: 3000, valid: 2999, invalid: 1, warnings: 0 });
    assert.ok(report.files[0]!.file.endsWith('many/nested/p0001.json'), report.files[0]!.file);
  });

  it('a 30 MB payload validates', async () => {
    const text = buildLargeOrderPayload(30_000_000);
    assert.ok(text.length > 30_000_000, `${text.length} bytes`);
    const { code, file } = await validateOne(write('big.json', text));
    assert.equal(code, 0);
    assert.deepEqual(file.errors, []);
  });
});
