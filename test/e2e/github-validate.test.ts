/**
 * validate on GitHub Actions, through main(argv, io): annotations on stderr line by line, the
 * report fenced against workflow commands, secrets announced for masking first, the step summary,
 * SARIF checked against the official SARIF 2.1.0 schema, and --fail-on.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import type { Log } from 'sarif';
import { main } from '../../src/cli.js';
import type { ValidateReport } from '../../src/commands/validate.js';
import { runMain } from '../helpers/run-main.js';
import { ROOT, TEST_TMPDIR } from '../helpers/run-cli.js';
import { sarifSchemaValidator } from '../helpers/sarif-schema.js';

const INVALID = 'fixtures/payloads/invalid';
const VALID = 'fixtures/payloads/valid';
const GH = { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: ROOT };
const dir = mkdtempSync(join(TEST_TMPDIR, 'github-validate-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The lines of a text, without the empty one after its last newline. */
const linesOf = (text: string) => text.split('\n').slice(0, -1);

/** stdout is the report between `::stop-commands::<token>` and `::<token>::`; returns the inside. */
function insideFence(stdout: string): string[] {
  const lines = linesOf(stdout);
  const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0] ?? '')?.[1];
  assert.ok(token, `fenced: ${lines[0]}`);
  assert.equal(lines.at(-1), `::${token}::`, 'the fence ends with its own token');
  return lines.slice(1, -1);
}

describe('validate with GITHUB_ACTIONS=true', () => {
  it('annotates every finding on stderr, one line each; the report on stdout is fenced', async () => {
    const r = await runMain(
      [
        'validate',
        `${INVALID}/wrong-type.json`,
        `${INVALID}/missing-required-field.xml`,
        `${INVALID}/wrong-enum-value.json`,
      ],
      { env: GH },
    );
    assert.equal(r.code, 1);
    assert.deepEqual(linesOf(r.stderr), [
      '::error file=fixtures/payloads/invalid/wrong-type.json,line=36,col=23,title=tc-webhook validate%3A type::/orderEvent/lines/0/buyerLine/position: must be a string, found the number 10',
      '::error file=fixtures/payloads/invalid/missing-required-field.xml,title=tc-webhook validate%3A required::/orderEvent: required field "orderId" is missing (element /WebhookBody/orderEvent)',
      '::warning file=fixtures/payloads/invalid/wrong-enum-value.json,line=85,col=28,title=tc-webhook validate%3A enum::/orderEvent/lines/0/status/processStatus: "Shipped" is not a documented value (Issued, InProgress, Confirmed, Rejected, Completed, Cancelled)',
    ]);
    const report = insideFence(r.stdout);
    assert.equal(report.at(-1), '3 files checked: 1 valid, 2 invalid; 1 warning');
  });

  it('names files relative to GITHUB_WORKSPACE wherever the command runs; outside it, absolute', async () => {
    const inside = await runMain(['validate', 'invalid/wrong-type.json'], {
      env: GH,
      cwd: join(ROOT, 'fixtures/payloads'),
    });
    assert.match(
      inside.stderr,
      /^::error file=fixtures\/payloads\/invalid\/wrong-type\.json,line=36,col=23,/,
    );
    const outside = await runMain(['validate', `${INVALID}/wrong-type.json`], {
      env: { ...GH, GITHUB_WORKSPACE: join(ROOT, 'fixtures/certs') },
    });
    const absolute = join(ROOT, INVALID, 'wrong-type.json').replace(/:/g, '%3A').replace(/,/g, '%2C');
    assert.ok(outside.stderr.startsWith(`::error file=${absolute},line=36,col=23,`), outside.stderr);
  });

  it('escapes %, CR and LF in messages and : and , in properties: a payload cannot start a command', async () => {
    const name = 'odd,name:100%.json';
    writeFileSync(
      join(dir, name),
      JSON.stringify({
        eventName: 'OrderIssuedByBuyer',
        orderEvent: { orderId: 'o', 'x\r\n::error::injected %0A': 1 },
      }),
    );
    const r = await runMain(['validate', '--strict', name], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir },
      cwd: dir,
    });
    assert.equal(r.code, 1);
    const lines = linesOf(r.stderr);
    const unknown = lines.find((l) => l.includes('additionalProperties'));
    assert.equal(
      unknown,
      '::error file=odd%2Cname%3A100%25.json,line=1,col=92,title=tc-webhook validate%3A additionalProperties::/orderEvent/x%0D%0A::error::injected %250A: unknown field "x%0D%0A::error::injected %250A": the schema does not define it',
    );
    for (const line of lines)
      assert.match(line, /^::(error|warning|notice) /, 'only the tool’s own commands');
    // In the human report the field name spans lines, inside the fence.
    const report = insideFence(r.stdout);
    assert.ok(report.some((l) => l.startsWith('::error::injected')));
  });

  it('an error that stops the command is an ::error:: annotation, escaped to one line', async () => {
    const r = await runMain(['validate', 'no-such\n::error::injected.json'], { env: GH });
    assert.equal(r.code, 2);
    const lines = linesOf(r.stderr);
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, /^::error title=tc-webhook::cannot read no-such%0A::error::injected\.json: /);
  });

  it('--json keeps stdout one JSON document, with no `##[` for the runner to read', async () => {
    const body = JSON.stringify({ eventName: '##[error]injected', orderEvent: { orderId: 1 } });
    const r = await runMain(['validate', '--json', '-'], { env: GH, stdin: body });
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.stdout, /##\[/);
    const report = JSON.parse(r.stdout) as ValidateReport;
    assert.equal(report.files[0]!.file, '<stdin>');
    // Standard input has no file to annotate: the message names it.
    assert.match(
      r.stderr,
      /^::error title=tc-webhook validate%3A type::<stdin>:1:58: \/orderEvent\/orderId: /,
    );
  });

  it('announces every secret and its derived forms with ::add-mask:: before anything else is printed', async () => {
    const order: string[] = [];
    const recorder = (name: string) =>
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of linesOf(chunk.toString())) order.push(`${name} ${line}`);
          done();
        },
      });
    const password = 'pa:ss w%rd';
    const code = await main(
      [
        'node',
        'tc-webhook',
        'validate',
        '--proxy',
        'http://proxyuser:proxy-pw-123@127.0.0.1:9',
        `${VALID}/shipment.json`,
      ],
      {
        env: { ...GH, NO_COLOR: '1', TC_WEBHOOK_USERNAME: 'user', TC_WEBHOOK_PASSWORD: password },
        stdin: Readable.from([]),
        stdout: recorder('out'),
        stderr: recorder('err'),
        cwd: ROOT,
        onInterrupt: () => () => undefined,
      },
    );
    assert.equal(code, 0);
    const b64 = (text: string) => Buffer.from(text).toString('base64').replace(/=+$/, '');
    const masks = [
      'pa:ss w%25rd',
      b64(password),
      'pa%253Ass%2520w%2525rd',
      Buffer.from(`user:${password}`).toString('base64'),
      'proxy-pw-123',
      b64('proxy-pw-123'),
    ];
    const announced = order.filter((l) => l.startsWith('err ::add-mask::')).map((l) => l.slice(16));
    for (const mask of masks) assert.ok(announced.includes(mask), `announced: ${mask}`);
    assert.ok(
      order.slice(0, announced.length).every((l) => l.startsWith('err ::add-mask::')),
      'the masks come first',
    );
  });

  it('no secret reaches an annotation or the summary, even when a payload holds it', async () => {
    const secret = 'tok-5ecret-in-payload';
    const summary = join(dir, 'secret-summary.md');
    writeFileSync(summary, '');
    const body = readFileSync(join(ROOT, INVALID, 'wrong-enum-value.json'), 'utf8').replace(
      'Shipped',
      secret,
    );
    const r = await runMain(['validate', '-'], {
      env: { ...GH, GITHUB_STEP_SUMMARY: summary, TC_WEBHOOK_TOKEN: secret },
      stdin: body,
    });
    assert.equal(r.code, 0);
    const written = readFileSync(summary, 'utf8');
    assert.match(
      r.stderr,
      /::warning title=tc-webhook validate%3A enum::<stdin>:85:28: \S+: "\*\*\*" is not a documented value/,
    );
    assert.match(written, /"\\\*\\\*\\\*" is not a documented value/);
    for (const text of [r.stderr.replace(/^::add-mask::.*\n/gm, ''), written, r.stdout]) {
      assert.ok(!text.includes(secret));
      assert.ok(!text.includes(Buffer.from(secret).toString('base64').slice(0, 20)));
    }
  });
});

describe('validate with GITHUB_STEP_SUMMARY', () => {
  it('appends a Markdown table of files and findings to the summary file', async () => {
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, 'from an earlier step\n');
    const r = await runMain(
      [
        'validate',
        `${VALID}/shipment.json`,
        `${INVALID}/wrong-type.json`,
        `${INVALID}/missing-required-field.xml`,
      ],
      { env: { GITHUB_STEP_SUMMARY: summary } },
    );
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '', 'no annotations without GITHUB_ACTIONS');
    assert.doesNotMatch(r.stdout, /::stop-commands::/);
    assert.deepEqual(linesOf(readFileSync(summary, 'utf8')), [
      'from an earlier step',
      '### tc-webhook validate',
      '',
      '**❌ 3 files checked: 1 valid, 2 invalid; 0 warnings**',
      '',
      '| File | Webhook | Result | Errors | Warnings |',
      '| --- | --- | --- | --- | --- |',
      '| fixtures/payloads/valid/shipment.json | shipment, JSON | ✅ valid | 0 | 0 |',
      '| fixtures/payloads/invalid/wrong-type.json | order, JSON | ❌ invalid | 1 | 0 |',
      '| fixtures/payloads/invalid/missing-required-field.xml | order, tXML | ❌ invalid | 1 | 0 |',
      '',
      '#### Findings',
      '',
      '| Where | Level | Keyword | Finding |',
      '| --- | --- | --- | --- |',
      '| fixtures/payloads/invalid/wrong-type.json:36:23 | ❌ error | type | /orderEvent/lines/0/buyerLine/position: must be a string, found the number 10 |',
      '| fixtures/payloads/invalid/missing-required-field.xml | ❌ error | required | /orderEvent: required field "orderId" is missing (element /WebhookBody/orderEvent) |',
      '',
    ]);
  });
});

describe('validate --sarif', () => {
  it('writes SARIF 2.1.0 that the official schema accepts: a rule per keyword, regions for JSON findings', async () => {
    const file = join(dir, 'validate.sarif');
    const r = await runMain(['validate', INVALID, '--sarif', file], { env: { GITHUB_WORKSPACE: ROOT } });
    assert.equal(r.code, 1);
    const log = JSON.parse(readFileSync(file, 'utf8')) as Log;
    const validate = await sarifSchemaValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors));
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules!.map((rule) => rule.id);
    assert.deepEqual(new Set(rules).size, rules.length, 'one rule per keyword');
    for (const keyword of [
      'required',
      'type',
      'format',
      'malformed-json',
      'malformed-xml',
      'unsafe-xml',
      'enum',
    ]) {
      assert.ok(rules.includes(keyword), keyword);
    }
    const byFile = (name: string) =>
      run.results!.find(
        (res) => res.locations?.[0]?.physicalLocation?.artifactLocation?.uri === `${INVALID}/${name}`,
      )!;
    const wrongType = byFile('wrong-type.json');
    assert.equal(wrongType.ruleId, 'type');
    assert.equal(rules[wrongType.ruleIndex!], 'type');
    assert.equal(wrongType.level, 'error');
    assert.deepEqual(wrongType.locations![0]!.physicalLocation!.region, { startLine: 36, startColumn: 23 });
    assert.equal(wrongType.locations![0]!.physicalLocation!.artifactLocation!.uriBaseId, 'WORKSPACE');
    const txml = byFile('missing-required-field.xml');
    assert.equal(txml.locations![0]!.physicalLocation!.region, undefined, 'tXML: no line');
    assert.equal(txml.locations![0]!.logicalLocations![0]!.fullyQualifiedName, '/WebhookBody/orderEvent');
    assert.equal(byFile('wrong-enum-value.json').level, 'warning');
    assert.equal(run.originalUriBaseIds!.WORKSPACE!.uri, `file://${ROOT.endsWith('/') ? ROOT : `${ROOT}/`}`);
    assert.equal(run.invocations![0]!.executionSuccessful, true);
  });

  it('replaces the file whole, leaving no temporary file; an unwritable path is exit 2 before any work', async () => {
    const out = mkdtempSync(join(dir, 'sarif-out-'));
    const file = join(out, 'report.sarif');
    writeFileSync(file, 'an older log');
    const r = await runMain(['validate', `${VALID}/shipment.json`, '--sarif', file]);
    assert.equal(r.code, 0);
    assert.deepEqual(readdirSync(out), ['report.sarif']);
    assert.deepEqual((JSON.parse(readFileSync(file, 'utf8')) as Log).runs[0]!.results, []);
    const missing = await runMain([
      'validate',
      `${VALID}/shipment.json`,
      '--sarif',
      join(out, 'nope', 'x.sarif'),
    ]);
    assert.equal(missing.code, 2);
    assert.equal(missing.stdout, '', 'nothing validated');
    assert.equal(
      missing.stderr,
      `tc-webhook: cannot write the SARIF log to ${join(out, 'nope', 'x.sarif')}: the folder ${join(out, 'nope')} does not exist. Check that the folder exists and is writable, or choose another --sarif path\n`,
    );
  });
});

describe('validate --fail-on', () => {
  it('a warning exits 0 by default and 1 with --fail-on warning; no warning is still 0', async () => {
    const warned = `${INVALID}/wrong-enum-value.json`;
    assert.equal((await runMain(['validate', warned])).code, 0);
    assert.equal((await runMain(['validate', warned, '--fail-on', 'error'])).code, 0);
    assert.equal((await runMain(['validate', warned, '--fail-on', 'warning'])).code, 1);
    assert.equal((await runMain(['validate', `${VALID}/shipment.json`, '--fail-on', 'warning'])).code, 0);
    const bad = await runMain(['validate', warned, '--fail-on', 'never']);
    assert.equal(bad.code, 2);
    assert.match(
      bad.stderr,
      /--fail-on <level>' argument 'never' is invalid\. Allowed choices are error, warning\./,
    );
  });
});
