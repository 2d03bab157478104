/**
 * scenario on GitHub Actions, through main(argv, io) against a real HTTPS integration: an annotation
 * per step not answered as expected, answer bodies fenced against workflow commands, the steps as a
 * Markdown table in the step summary (line by line, no secret), and --fail-on warning.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startIntegration, type Integration } from '../helpers/order-integration.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { TEST_TMPDIR } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

const CA = ['--ca', ROOT_CA_FILE, '--timeout', '5000'];
const TOKEN = 'scenario-bearer-5ecret-9d2f';
const AUTH = ['--auth', 'bearer', '--token', TOKEN];
const dir = mkdtempSync(join(TEST_TMPDIR, 'github-scenario-'));

/** The lines of a text, without the empty one after its last newline. */
const linesOf = (text: string) => text.split('\n').slice(0, -1);
/** A URL as an annotation property carries it. */
const property = (text: string) => text.replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C');

function scenarioFile(name: string, steps: object[]): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ name: name.replace(/\.json$/, ''), steps }));
  return file;
}

describe('scenario on GitHub Actions', () => {
  let integration: Integration;
  let hostile: Receiver;
  let flaky: Receiver;
  before(async () => {
    integration = await startIntegration();
    // Refuses every body, echoing the credential and lines that would be workflow commands.
    hostile = await startReceiver({
      respond: (req) => ({
        status: 400,
        body: `refused: ${String(req.headers.authorization)}\n::error::injected\n##[error]old style\n::add-mask::x`,
      }),
    });
    // Answers 503 to a body the first time it sees it, then 200: delivered after a retry.
    const seen = new Set<string>();
    flaky = await startReceiver({
      respond: (req) => {
        const digest = createHash('sha256').update(req.body).digest('hex');
        if (seen.has(digest)) return { status: 200 };
        seen.add(digest);
        return { status: 503, body: 'busy' };
      },
    });
  });
  after(async () => {
    await Promise.all([integration.close(), hostile.close(), flaky.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a step answered 503: one ::error annotation, its answer body fenced in a group, the summary a table', async () => {
    const file = scenarioFile('unknown-field.json', [
      { event: 'OrderIssuedByBuyer' },
      { event: 'OrderLinesAcceptedBySupplier', set: { 'orderEvent.someNewField': 'new' } },
      { event: 'OrderLinesCompletedByBuyer' },
    ]);
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, 'from an earlier step\n');
    const url = integration.url('strict');
    const r = await runMain(['scenario', url, file, '--yes', ...CA, ...AUTH], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    assert.equal(r.code, 1, r.stderr);
    const err = linesOf(r.stderr);
    const title = `title=${property(`tc-webhook scenario unknown-field ${url}`)}`;
    const masks = err.filter((l) => l.startsWith('::add-mask::'));
    assert.ok(masks.includes(`::add-mask::${TOKEN}`), 'the token is announced');
    assert.deepEqual(err.slice(0, masks.length), masks, 'the masks come first');
    assert.equal(err[masks.length], `scenario unknown-field will send 3 requests to ${url}: 3 events`);
    // (A note about the override may come between: it is not the scenario's finding.)
    const rest = err.slice(err.findIndex((l) => l.startsWith('::error ')));
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(rest[2] ?? '')?.[1];
    assert.ok(token, rest.join('\n'));
    assert.deepEqual(rest, [
      `::error ${title}::step 2 OrderLinesAcceptedBySupplier: 503 failed, expected 2xx: Tradecloud would retry this without end, with exponential back-off, and the events behind it wait; Tradecloud would retry this with exponential back-off; run with --retry to follow that policy`,
      '::group::step 2 OrderLinesAcceptedBySupplier: the answer body (503)',
      `::stop-commands::${token}`,
      'unknown field someNewField',
      `::${token}::`,
      '::endgroup::',
    ]);
    // The human report on stdout is fenced as a whole.
    const out = linesOf(r.stdout);
    assert.match(out[0]!, /^::stop-commands::[0-9a-f]{32}$/);
    assert.equal(out.at(-1), `::${out[0]!.slice('::stop-commands::'.length)}::`);
    assert.deepEqual(linesOf(readFileSync(summary, 'utf8')), [
      'from an earlier step',
      `### tc-webhook scenario unknown-field ${url}`,
      '',
      '**❌ 1 of 3 steps not answered as expected; 2 were** (3 requests sent).',
      '',
      '| Step | Event | Lines | Expected | Answer | Outcome | What Tradecloud does |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| 1 | OrderIssuedByBuyer | 1, 2, 3 | 2xx | ✅ 200 | delivered | delivered: Tradecloud moves on to the next event |',
      '| 2 | OrderLinesAcceptedBySupplier | 1, 2, 3 | 2xx | ❌ 503 | failed | Tradecloud would retry this without end, with exponential back-off, and the events behind it wait |',
      '| 3 | OrderLinesCompletedByBuyer | 1 | 2xx | ✅ 200 | delivered | delivered: Tradecloud moves on to the next event |',
      '',
    ]);
  });

  it('an answer body cannot inject a command, and no secret reaches the log or the summary', async () => {
    const file = scenarioFile('refused.json', [{ event: 'OrderIssuedByBuyer' }]);
    const summary = join(dir, 'refused.md');
    writeFileSync(summary, '');
    const r = await runMain(['scenario', hostile.url, file, '--yes', ...CA, ...AUTH], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    assert.equal(r.code, 1, r.stderr);
    const all = linesOf(r.stderr);
    const err = all.slice(all.findIndex((l) => !l.startsWith('::add-mask::')));
    const open = err.findIndex((l) => l.startsWith('::stop-commands::'));
    const token = err[open]!.slice('::stop-commands::'.length);
    const close = err.indexOf(`::${token}::`);
    assert.deepEqual(err.slice(open + 1, close), [
      'refused: Bearer ***',
      '::error::injected',
      '##[error]old style',
      '::add-mask::x',
    ]);
    // Outside the fence, only the tool's own lines: the announcement and its commands.
    for (const line of [...err.slice(0, open), ...err.slice(close + 1)]) {
      assert.match(line, /^(scenario refused will send|::(error|warning|group|endgroup)[ :])/, line);
      assert.doesNotMatch(line, /injected|##\[/, line);
    }
    const annotation = err.find((l) => l.startsWith('::error '))!;
    assert.match(annotation, /::step 1 OrderIssuedByBuyer: 400 rejected, expected 2xx: lost for good/);
    const written = readFileSync(summary, 'utf8');
    assert.match(written, /\| 1 \| OrderIssuedByBuyer \| 1, 2, 3 \| 2xx \| ❌ 400 \| rejected \|/);
    const b64 = Buffer.from(TOKEN).toString('base64').slice(0, 20);
    for (const text of [r.stderr.replace(/^::add-mask::.*\n/gm, ''), r.stdout, written]) {
      assert.ok(!text.includes(TOKEN), 'the token never shows');
      assert.ok(!text.includes(b64), 'nor its base64');
    }
  });

  it('--json keeps stdout one JSON document with no `##[`; the answer body is still fenced on stderr', async () => {
    const file = scenarioFile('refused-json.json', [{ event: 'OrderIssuedByBuyer' }]);
    const r = await runMain(['scenario', hostile.url, file, '--yes', '--json', ...CA], {
      env: { GITHUB_ACTIONS: 'true' },
    });
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.stdout, /##\[/);
    const report = JSON.parse(r.stdout) as { steps: Array<{ responseBody: string }> };
    assert.match(report.steps[0]!.responseBody, /##\[error\]old style/, 'the same value, escaped');
    assert.match(r.stderr, /::stop-commands::[0-9a-f]{32}\nrefused: undefined\n::error::injected\n/);
  });

  it('--fail-on warning: a step delivered only after a retry warns, and fails the run only with the flag', async () => {
    const file = scenarioFile('flaky.json', [{ event: 'OrderIssuedByBuyer' }]);
    const retry = ['--retry', '--retry-base-ms', '1', '--retry-cap-ms', '5'];
    const plain = await runMain(['scenario', flaky.url, file, '--yes', ...CA, ...retry], {
      env: { GITHUB_ACTIONS: 'true' },
    });
    assert.equal(plain.code, 0, plain.stderr);
    assert.match(
      plain.stderr,
      /^::warning title=tc-webhook scenario flaky \S+::step 1 OrderIssuedByBuyer: delivered only after 2 attempts: the answers before were above 500/m,
    );
    assert.doesNotMatch(plain.stderr, /::error|::group::/, 'a step met shows no answer body');
    const failOn = await runMain([
      'scenario',
      flaky.url,
      file,
      '--yes',
      ...CA,
      ...retry,
      '--fail-on',
      'warning',
    ]);
    assert.equal(failOn.code, 1);
    const clean = await runMain([
      'scenario',
      integration.url(),
      file,
      '--yes',
      ...CA,
      '--fail-on',
      'warning',
    ]);
    assert.equal(clean.code, 0, clean.stderr);
    const bad = await runMain(['scenario', integration.url(), file, '--yes', '--fail-on', 'never']);
    assert.equal(bad.code, 2);
    assert.match(
      bad.stderr,
      /'--fail-on <level>' argument 'never' is invalid\. Allowed choices are error, warning\./,
    );
  });

  it('a repeat answered with another class of answer, though as expected, warns; --list writes no summary', async () => {
    const file = scenarioFile('repeat.json', [{ event: 'OrderIssuedByBuyer', expect: '5xx' }]);
    const seen = new Set<string>();
    const receiver = await startReceiver({
      respond: (req) => {
        const first = !seen.has(req.body);
        seen.add(req.body);
        return { status: first ? 503 : 500 };
      },
    });
    try {
      const r = await runMain(['scenario', receiver.url, file, '--yes', '--redeliver', '1', ...CA], {
        env: { GITHUB_ACTIONS: 'true' },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.match(
        r.stderr,
        /::warning [^\n]*::step 1 OrderIssuedByBuyer: repeat 1 of the same body was answered 500, a different class of answer than the first \(503\)/,
      );
      const failOn = await runMain([
        'scenario',
        receiver.url,
        file,
        '--yes',
        '--redeliver',
        '1',
        '--fail-on',
        'warning',
        ...CA,
      ]);
      assert.equal(failOn.code, 1);
    } finally {
      await receiver.close();
    }
    const summary = join(dir, 'list.md');
    writeFileSync(summary, '');
    const list = await runMain(['scenario', '--list'], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    assert.equal(list.code, 0);
    assert.equal(readFileSync(summary, 'utf8'), '');
    assert.equal(list.stderr, '');
  });
});
