/**
 * doctor on GitHub Actions, through main(argv, io) against real HTTPS endpoints: annotations per
 * warned, failed or inconclusive check, the readiness report appended to the step summary (line by
 * line, no secret), and --fail-on warning (a warning and an inconclusive exit 1; a skip does not).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DoctorReport } from '../../src/core/doctor/doctor-types.js';
import { hasWarnings } from '../../src/report/report-warnings.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { TEST_TMPDIR } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

const PASSWORD = 'doctor-gh-secret-8e2a';
const BASIC = { type: 'basic', username: 'tradecloud', password: PASSWORD } as const;
const dir = mkdtempSync(join(TEST_TMPDIR, 'github-doctor-'));
const linesOf = (text: string) => text.split('\n').slice(0, -1);
const property = (text: string) => text.replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C');
const isInvalidProbe = (body: string) =>
  body.includes('not a list of lines') || body.includes('not an object');

describe('doctor on GitHub Actions', () => {
  let repeatRefused: Receiver;
  let wrongPassword: Receiver;
  before(async () => {
    // Ready, but answers 500 to a body it has seen: the duplicates check warns.
    const seen = new Set<string>();
    repeatRefused = await startReceiver({
      auth: BASIC,
      respond: (req) => {
        if (isInvalidProbe(req.body)) return { status: 400 };
        const repeated = seen.has(req.body);
        seen.add(req.body);
        return repeated
          ? { status: 500, body: `duplicate ${PASSWORD} ::error::injected ##[error]x` }
          : { status: 202 };
      },
    });
    wrongPassword = await startReceiver({ auth: { ...BASIC, password: 'another-password-1f' } });
  });
  after(async () => {
    await Promise.all([repeatRefused.close(), wrongPassword.close()]);
    rmSync(dir, { recursive: true, force: true });
  });
  const doctor = (url: string, extra: string[], env: Record<string, string> = {}) =>
    runMain(
      [
        ...['doctor', url, '--ca', ROOT_CA_FILE, '--yes', '--events', 'OrderIssuedByBuyer'],
        ...['--auth', 'basic', '--username', 'tradecloud', '--password', PASSWORD, ...extra],
      ],
      { env },
    );

  it('warned checks: a ::warning annotation each; the readiness report in the summary, line by line, without the secret', async () => {
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, 'from an earlier step\n');
    const r = await doctor(repeatRefused.url, [], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    assert.equal(r.code, 0, r.stderr);
    const url = repeatRefused.url;
    const err = linesOf(r.stderr).filter((l) => !l.startsWith('::add-mask::'));
    assert.deepEqual(err, [
      `doctor will send 12 requests to ${url}: 2 authentication probes, 1 event, 1 invalid payload, 5 bodies with unknown fields, values or events, 1 event twice, 1 GET for the TLS grade (HSTS)`,
      `::warning title=${property(`tc-webhook doctor ${url}`)}::TLS and certificate: the trust check would fail at Tradecloud only because the certificate is trusted through --ca ${ROOT_CA_FILE}, a private CA (Tradecloud trusts public CAs only); every other TLS check passed (TLSv1.3), and a certificate from a public CA would pass Fix: for local tests, nothing to fix; in production, serve a certificate from a public CA (e.g. Let's Encrypt) with its intermediates`,
      `::warning title=${property(`tc-webhook doctor ${url}`)}::Repeated delivery: the same body twice was not accepted both times (first 202, repeat 500) Fix: Accept a repeated event with 2xx and apply it once (meta.messageId identifies it); Tradecloud delivers again after a timeout`,
    ]);
    const expected: Array<string | RegExp> = [
      'from an earlier step',
      `# Tradecloud webhook readiness: ${url.replace(/[_*[\]\\`|~]/g, (c) => `\\${c}`)}`,
      '',
      '**Ready**: order webhook, JSON, 12 requests sent.',
      '',
      '| Check | Status | Result | Details |',
      '| --- | --- | --- | --- |',
      '| Configuration | ✅ pass | order webhook in JSON with basic authentication can be set up in the Tradecloud portal |  |',
      `| TLS and certificate | ⚠️ warn | the trust check would fail at Tradecloud only because the certificate is trusted through --ca ${ROOT_CA_FILE}, a private CA (Tradecloud trusts public CAs only); every other TLS check passed (TLSv1.3), and a certificate from a public CA would pass | the chain verifies to "CN=tc-webhook Test Root CA,O=tc-webhook tests", trusted here only through --ca ${ROOT_CA_FILE}<br>Fix: for local tests, nothing to fix; in production, serve a certificate from a public CA (e.g. Let's Encrypt) with its intermediates |`,
      /^\| TLS grade \(estimate\) \| ✅ pass \| [A-F][+-]? \(an estimate following SSL Labs' published rules\) \| {2}\|$/,
      '| Authentication enforced | ✅ pass | missing credentials answered 401, wrong credentials answered 401 |  |',
      '| order events delivered (JSON) | ✅ pass | 1 of 1 order event delivered |  |',
      /^\| Response time \| ✅ pass \| median \d+ ms, slowest \d+ ms \(limit 5000 ms\) \| {2}\|$/,
      '| Status codes for a bad payload | ✅ pass | an invalid payload is refused with 400; Tradecloud will not retry it |  |',
      '| Forward compatibility | ✅ pass | all 5 bodies with unknown fields, an undocumented value or an unknown event were accepted |  |',
      '| Repeated delivery | ⚠️ warn | the same body twice was not accepted both times (first 202, repeat 500) | the repeat got a different class of answer than the first delivery<br>Fix: Accept a repeated event with 2xx and apply it once (meta.messageId identifies it); Tradecloud delivers again after a timeout |',
      '',
      '## The invalid payload doctor sent',
      '',
    ];
    const written = readFileSync(summary, 'utf8');
    const lines = linesOf(written);
    for (const [i, want] of expected.entries()) {
      if (typeof want === 'string') assert.equal(lines[i], want, `line ${i + 1}`);
      else assert.match(lines[i] ?? '', want, `line ${i + 1}`);
    }
    assert.match(
      lines.slice(expected.length).join('\n'),
      /```json\n\{\n {2}"eventName": "OrderIssuedByBuyer",/,
    );
    const b64 = Buffer.from(`tradecloud:${PASSWORD}`).toString('base64');
    for (const text of [written, err.join('\n'), r.stdout]) {
      assert.ok(!text.includes(PASSWORD), 'no password');
      assert.ok(!text.includes(b64), 'no Basic credential');
    }
    // The report on stdout quotes answers: fenced as a whole.
    const out = linesOf(r.stdout);
    assert.match(out[0]!, /^::stop-commands::[0-9a-f]{32}$/);
    assert.equal(out.at(-1), `::${out[0]!.slice('::stop-commands::'.length)}::`);
  });

  it('--fail-on warning: the warned check exits 1; without the flag 0', async () => {
    assert.equal((await doctor(repeatRefused.url, ['--fail-on', 'warning'])).code, 1);
    assert.equal((await doctor(repeatRefused.url, ['--fail-on', 'error'])).code, 0);
  });

  it('inconclusive checks are ::warning annotations, a failed check an ::error; exit 1 with or without --fail-on', async () => {
    const summary = join(dir, 'inconclusive.md');
    writeFileSync(summary, '');
    const r = await doctor(wrongPassword.url, ['--fail-on', 'warning'], {
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: summary,
    });
    assert.equal(r.code, 1, r.stderr);
    const title = `title=${property(`tc-webhook doctor ${wrongPassword.url}`)}`;
    const annotations = linesOf(r.stderr).filter((l) => /^::(error|warning) /.test(l));
    assert.ok(
      annotations.every((l) => l.includes(`::error ${title}::`) || l.includes(`::warning ${title}::`)),
    );
    assert.ok(annotations.some((l) => l.startsWith(`::error ${title}::order events delivered (JSON): `)));
    assert.ok(annotations.some((l) => l.startsWith(`::warning ${title}::Response time: inconclusive: `)));
    assert.ok(
      annotations.some((l) =>
        l.startsWith(`::warning ${title}::Status codes for a bad payload: inconclusive: `),
      ),
    );
    const written = readFileSync(summary, 'utf8');
    assert.match(written, /^\*\*Not ready\*\*/m);
    assert.match(written, /^\| Response time \| ❔ inconclusive \| /m);
    assert.equal((await doctor(wrongPassword.url, [])).code, 1, 'inconclusive costs the verdict anyway');
    for (const text of [written, r.stderr.replace(/^::add-mask::.*\n/gm, ''), r.stdout]) {
      assert.ok(!text.includes(PASSWORD));
    }
  });

  it('a skipped check is not a warning for --fail-on', () => {
    const check = (status: DoctorReport['checks'][number]['status']) => ({
      id: 'x',
      title: 'X',
      status,
      message: '',
    });
    const report = (status: DoctorReport['checks'][number]['status']) =>
      ({ ok: true, checks: [check('pass'), check(status)] }) as unknown as DoctorReport;
    assert.equal(hasWarnings('doctor', report('skip')), false);
    assert.equal(hasWarnings('doctor', report('warn')), true);
    assert.equal(hasWarnings('doctor', report('inconclusive')), true);
  });
});
