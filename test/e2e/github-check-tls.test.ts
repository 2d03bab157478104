/**
 * check-tls on GitHub Actions, through main(argv, io) against real loopback TLS servers with the
 * fixture certificates: an annotation per failed or warned check (and per incomplete grade), the
 * report fenced against workflow commands (a certificate naming `::error::injected` across a line
 * break cannot start a command), the check table appended to the step summary, --fail-on warning
 * (a warning or an incomplete grade exits 1; a skip does not) and --sarif checked against the
 * official SARIF 2.1.0 schema.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import type { Log } from 'sarif';
import type { CheckTlsReport } from '../../src/commands/check-tls.js';
import { buildDevCertificates } from '../../src/core/dev-cert/build-dev-certificates.js';
import type { GradeServer } from '../helpers/grade-servers.js';
import { startFrontedServer } from '../helpers/misbehaving-servers.js';
import { TEST_TMPDIR } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';
import { sarifSchemaValidator } from '../helpers/sarif-schema.js';
import {
  cert,
  CLOSED_PORT,
  LEGACY_CIPHERS,
  startTlsServer,
  track,
  type RunningServer,
} from '../helpers/tls-servers.js';

const ROOT_CA = ['--ca', cert('root-ca.pem')];
/** A subject alternative name (and so the subject's CN) meant to start a workflow command. */
const HOSTILE = 'evil\n::error::injected %0A|x,y';
const dir = mkdtempSync(join(TEST_TMPDIR, 'github-check-tls-'));
const linesOf = (text: string) => text.split('\n').slice(0, -1);
const property = (text: string) => text.replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C');

/** stdout is the report between `::stop-commands::<token>` and `::<token>::`; returns the inside. */
function insideFence(stdout: string): string[] {
  const lines = linesOf(stdout);
  const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0] ?? '')?.[1];
  assert.ok(token, `fenced: ${lines[0]}`);
  assert.equal(lines.at(-1), `::${token}::`, 'the fence ends with its own token');
  const inside = lines.slice(1, -1);
  assert.ok(!inside.some((l) => l.includes(token)), 'the token appears only in the fence');
  return inside;
}

/** A fresh, empty step summary file. */
function summaryFile(name: string, before = ''): string {
  const file = join(dir, name);
  writeFileSync(file, before);
  return file;
}

describe('check-tls on GitHub Actions', () => {
  let good: RunningServer;
  let weakKey: RunningServer;
  let wrongHost: RunningServer;
  let hostile: RunningServer;
  let hostileCa: string;
  let legacySilent: GradeServer;
  const perRun: GradeServer[] = [];
  /**
   * A server whose protocol probe (its first five connections) is served and whose grading
   * handshakes after it are not: an incomplete grade. It counts connections, so one per run.
   */
  const gradeSilent = async () => {
    const server = await startFrontedServer((index) => (index < 5 ? 'serve' : 'silent'));
    perRun.push(server);
    return server;
  };
  before(async () => {
    // A certificate whose only name is HOSTILE, made by dev-cert's own builder (its --name refuses
    // such a name), issued by a CA of its own given with --ca: trusted, but not for "localhost".
    const keys = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const leafKeys = keys();
    const made = buildDevCertificates({
      names: [HOSTILE],
      now: new Date(),
      days: 400,
      caKeys: keys(),
      leafKeys,
      random: randomBytes,
    });
    hostileCa = join(dir, 'hostile-ca.pem');
    writeFileSync(hostileCa, made.caPem);
    const tls = createServer({
      key: leafKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }),
      cert: made.certPem,
    });
    tls.on('tlsClientError', () => undefined);
    [good, weakKey, wrongHost, hostile, legacySilent] = await Promise.all([
      startTlsServer({ key: 'good.key', cert: 'good-chain.pem' }),
      // Node 24's OpenSSL refuses to load a 1024-bit key at its default security level.
      startTlsServer({ key: 'rsa1024.key', cert: 'rsa1024-chain.pem', ciphers: LEGACY_CIPHERS }),
      startTlsServer({ key: 'wrong-host.key', cert: 'wrong-host-chain.pem' }),
      track(tls, '127.0.0.1', () => 0),
      // TLS 1.0 and 1.1 offers get no answer: tls.legacy is a skip ("not determined").
      startFrontedServer((_index, version) => (version < 0x0303 ? 'silent' : 'serve')),
    ]);
  });
  after(async () => {
    await Promise.all([good, weakKey, wrongHost, hostile, legacySilent, ...perRun].map((s) => s?.close()));
    rmSync(dir, { recursive: true, force: true });
  });
  const url = (server: { port: number }) => `https://localhost:${server.port}/hook`;
  const checkTls = (target: string, extra: string[], env: Record<string, string> = {}) =>
    runMain(['check-tls', target, ...ROOT_CA, '--timeout', '1000', ...extra], { env });
  /** A fronted server answers as localhost on 127.0.0.1. */
  const fronted = (server: GradeServer) => [
    `https://127.0.0.1:${server.port}/hook`,
    '--servername',
    'localhost',
  ];

  describe('annotations (GITHUB_ACTIONS=true)', () => {
    it('a failed check is one ::error line, a warned check one ::warning line; the report on stdout is fenced', async () => {
      const failed = await checkTls(url(wrongHost), [], { GITHUB_ACTIONS: 'true' });
      assert.equal(failed.code, 1, failed.stderr);
      assert.deepEqual(linesOf(failed.stderr), [
        `::error title=${property(`tc-webhook check-tls ${url(wrongHost)}`)}::cert.hostname: the certificate does not cover "localhost" (it names DNS:wrong.example); get a certificate that includes the host name in the URL you give Tradecloud`,
      ]);
      const report = insideFence(failed.stdout);
      assert.equal(report[0], `TLS check of ${url(wrongHost)}`);
      assert.equal(report.at(-1), 'FAILED: 1 check failed');

      const warned = await checkTls(url(weakKey), [], { GITHUB_ACTIONS: 'true' });
      assert.equal(warned.code, 0, warned.stderr);
      assert.deepEqual(linesOf(warned.stderr), [
        `::warning title=${property(`tc-webhook check-tls ${url(weakKey)}`)}::cert.key: the RSA key, 1024 bits, is too weak (RSA needs at least 2048 bits, EC at least 256); use a stronger key when you renew the certificate`,
      ]);
      assert.equal(insideFence(warned.stdout).at(-1), 'OK: no check failed, 1 warning');
    });

    it('a passing endpoint, or a skipped check, annotates nothing', async () => {
      const passed = await checkTls(url(good), [], { GITHUB_ACTIONS: 'true' });
      assert.equal(passed.code, 0, passed.stdout);
      assert.equal(passed.stderr, '');
      assert.equal(insideFence(passed.stdout).at(-1), 'OK: no check failed');
      const skipped = await checkTls(fronted(legacySilent)[0]!, fronted(legacySilent).slice(1), {
        GITHUB_ACTIONS: 'true',
      });
      assert.equal(skipped.code, 0, skipped.stdout);
      assert.equal(skipped.stderr, '');
      assert.ok(insideFence(skipped.stdout).some((l) => /^\s+SKIP\s+tls\.legacy\s+not determined/.test(l)));
    });

    it('an incomplete grade is a ::warning annotation saying what is unknown', async () => {
      const [target, ...extra] = fronted(await gradeSilent());
      const r = await checkTls(target!, [...extra, '--grade'], { GITHUB_ACTIONS: 'true' });
      assert.equal(r.code, 0, r.stderr);
      const lines = linesOf(r.stderr);
      assert.equal(lines.length, 1, r.stderr);
      assert.match(
        lines[0]!,
        new RegExp(
          `^::warning title=${property(`tc-webhook check-tls ${target}`).replace(/[.?/]/g, '\\$&')}::tls\\.grade: incomplete: .*TLS 1\\.3 suites: no answer in time`,
        ),
      );
    });

    it('a certificate naming "::error::injected" across a line break: escaped in the annotation, fenced in the report, never a command', async () => {
      const r = await runMain(['check-tls', url(hostile), '--ca', hostileCa], {
        env: { GITHUB_ACTIONS: 'true' },
      });
      assert.equal(r.code, 1, r.stderr);
      // % becomes %25, so "%0A" in the name cannot turn into a line break either.
      assert.deepEqual(linesOf(r.stderr), [
        `::error title=${property(`tc-webhook check-tls ${url(hostile)}`)}::cert.hostname: the certificate does not cover "localhost" (it names DNS:"evil\\u000a::error::injected %250a|x\\u002cy"); get a certificate that includes the host name in the URL you give Tradecloud`,
      ]);
      // Every line of stdout that quotes the certificate is inside the fence.
      const report = insideFence(r.stdout);
      const quoting = report.filter((l) => l.includes('::error::injected'));
      assert.ok(
        quoting.some((l) => /^\s+Subject\s+CN=evil/.test(l)),
        report.join('\n'),
      );
      assert.ok(
        quoting.some((l) => /^\s+Names\s+DNS:/.test(l)),
        report.join('\n'),
      );
      assert.equal(linesOf(r.stdout).filter((l) => l.includes('::error::injected')).length, quoting.length);
      for (const line of report) assert.doesNotMatch(line, /^\s*::/, 'no line inside starts a command');
    });

    it('--json keeps stdout one JSON document with the subject as given, and nothing the runner reads', async () => {
      const r = await runMain(['check-tls', url(hostile), '--ca', hostileCa, '--json'], {
        env: { GITHUB_ACTIONS: 'true' },
      });
      assert.equal(r.code, 1);
      const report = JSON.parse(r.stdout) as CheckTlsReport;
      assert.match(report.certificate!.subject, /::error::injected %0A\|x/);
      for (const line of linesOf(r.stdout)) assert.doesNotMatch(line, /^\s*::|##\[/);
      assert.equal(linesOf(r.stderr).length, 1);
      assert.match(r.stderr, /^::error title=[^:]+::cert\.hostname: /);
    });

    it('a check that cannot run is one ::error line (exit 2) and a "Could not run" line in the summary', async () => {
      const summary = summaryFile('could-not-run.md');
      const r = await checkTls(`https://127.0.0.1:${CLOSED_PORT}/hook`, [], {
        GITHUB_ACTIONS: 'true',
        GITHUB_STEP_SUMMARY: summary,
      });
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.deepEqual(linesOf(r.stderr), [
        '::error title=tc-webhook::cannot connect to 127.0.0.1:1: connection refused. Check the host and port, and that the server is running',
      ]);
      assert.deepEqual(linesOf(readFileSync(summary, 'utf8')), [
        '### tc-webhook check-tls',
        '',
        '**Could not run**: cannot connect to 127.0.0.1:1: connection refused. Check the host and port, and that the server is running',
        '',
      ]);
    });
  });

  describe('step summary (GITHUB_STEP_SUMMARY)', () => {
    it('appends the verdict and one row per check, line by line', async () => {
      const summary = summaryFile('weak-key.md', 'from an earlier step\n');
      const r = await checkTls(url(weakKey), [], { GITHUB_STEP_SUMMARY: summary });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '', 'no annotations without GITHUB_ACTIONS');
      assert.doesNotMatch(r.stdout, /::stop-commands::/);
      const expected: Array<string | RegExp> = [
        'from an earlier step',
        `### tc-webhook check-tls ${url(weakKey)}`,
        '',
        '**✅ OK: no check failed, 1 warning**',
        '',
        '| Check | Status | Result |',
        '| --- | --- | --- |',
        '| https | ✅ pass | the target uses https:// |',
        '| tls.modern | ✅ pass | TLS 1.3 and TLS 1.2 accepted |',
        '| tls.legacy | ✅ pass | TLS 1.0 and TLS 1.1 are refused |',
        `| cert.trusted | ✅ pass | the chain verifies to the root "CN=tc-webhook Test Root CA,O=tc-webhook tests", trusted here only through --ca (${cert('root-ca.pem')}), not publicly |`,
        '| cert.self-signed | ✅ pass | issued by "CN=tc-webhook Test Intermediate CA,O=tc-webhook tests" |',
        '| cert.hostname | ✅ pass | the certificate covers "localhost" |',
        /^\| cert\.validity \| ✅ pass \| valid until 2046-11-22 \(\d+ days left\) \|$/,
        '| cert.chain | ✅ pass | the server sends the full chain (2 certificates) |',
        '| cert.key | ⚠️ warn | the RSA key, 1024 bits, is too weak (RSA needs at least 2048 bits, EC at least 256); use a stronger key when you renew the certificate |',
        '| cert.signature | ✅ pass | signed with sha256WithRSAEncryption |',
        '| tls.client-cert | ✅ pass | a client without a certificate is accepted, as Tradecloud needs |',
        '',
      ];
      const lines = linesOf(readFileSync(summary, 'utf8'));
      assert.equal(lines.length, expected.length, lines.join('\n'));
      expected.forEach((line, i) => {
        if (typeof line === 'string') assert.equal(lines[i], line);
        else assert.match(lines[i]!, line);
      });
    });

    it('a failed check, a skip and the incomplete grade with what is unknown; hostile text stays in its cell', async () => {
      const summary = summaryFile('hostile.md');
      const r = await runMain(['check-tls', url(hostile), '--ca', hostileCa], {
        env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
      });
      assert.equal(r.code, 1);
      const lines = linesOf(readFileSync(summary, 'utf8'));
      assert.equal(lines[2], '**❌ FAILED: 1 check failed**');
      assert.equal(
        lines.find((l) => l.startsWith('| cert.hostname ')),
        '| cert.hostname | ❌ fail | the certificate does not cover "localhost" (it names DNS:"evil\\\\u000a::error::injected %0a\\|x\\\\u002cy"); get a certificate that includes the host name in the URL you give Tradecloud |',
      );
      for (const row of lines.filter((l) => l.startsWith('|'))) {
        assert.equal(row.split(/(?<!\\)\|/).length, 5, `three cells: ${row}`);
      }

      const skipSummary = summaryFile('skip.md');
      const [target, ...extra] = fronted(legacySilent);
      await checkTls(target!, extra, { GITHUB_STEP_SUMMARY: skipSummary });
      assert.ok(
        linesOf(readFileSync(skipSummary, 'utf8')).includes(
          '| tls.legacy | ➖ skip | not determined (TLS 1.0: no answer in time; TLS 1.1: no answer in time); run the check again later |',
        ),
      );

      const gradeSummary = summaryFile('grade.md');
      const [gTarget, ...gExtra] = fronted(await gradeSilent());
      await checkTls(gTarget!, [...gExtra, '--grade'], { GITHUB_STEP_SUMMARY: gradeSummary });
      const graded = linesOf(readFileSync(gradeSummary, 'utf8'));
      assert.equal(graded[2], '**✅ OK: no check failed**');
      assert.match(
        graded[4]!,
        /^Grade \(estimate\): \*\*[A-F][+-]?\*\* \(incomplete: .*TLS 1\.3 suites: no answer in time.*\)$/,
      );
    });
  });

  describe('--fail-on', () => {
    it('a warned check exits 0 by default and 1 with --fail-on warning; a failed check is 1 either way', async () => {
      assert.equal((await checkTls(url(weakKey), [])).code, 0);
      assert.equal((await checkTls(url(weakKey), ['--fail-on', 'error'])).code, 0);
      assert.equal((await checkTls(url(weakKey), ['--fail-on', 'warning'])).code, 1);
      assert.equal((await checkTls(url(wrongHost), ['--fail-on', 'error'])).code, 1);
      assert.equal((await checkTls(url(good), ['--fail-on', 'warning'])).code, 0);
    });

    it('an incomplete grade is a warning for --fail-on warning; a skipped check is not', async () => {
      const [target, ...extra] = fronted(await gradeSilent());
      assert.equal((await checkTls(target!, [...extra, '--grade'])).code, 0);
      const [again, ...againExtra] = fronted(await gradeSilent());
      assert.equal((await checkTls(again!, [...againExtra, '--grade', '--fail-on', 'warning'])).code, 1);
      const [sTarget, ...sExtra] = fronted(legacySilent);
      const skipped = await checkTls(sTarget!, [...sExtra, '--fail-on', 'warning', '--json']);
      assert.equal(skipped.code, 0, skipped.stdout);
      const report = JSON.parse(skipped.stdout) as CheckTlsReport;
      assert.equal(report.checks.find((c) => c.id === 'tls.legacy')!.status, 'skip');
      assert.ok(!report.checks.some((c) => c.status === 'warn' || c.status === 'fail'));
    });

    it('an unknown level is a usage error (exit 2)', async () => {
      const bad = await checkTls(url(good), ['--fail-on', 'never']);
      assert.equal(bad.code, 2);
      assert.match(
        bad.stderr,
        /--fail-on <level>' argument 'never' is invalid\. Allowed choices are error, warning\./,
      );
    });
  });

  describe('--sarif', () => {
    it('writes SARIF 2.1.0 that the official schema accepts: a rule per check id, the endpoint as location', async () => {
      const validate = await sarifSchemaValidator();
      const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Log;

      const failedFile = join(dir, 'wrong-host.sarif');
      assert.equal((await checkTls(url(wrongHost), ['--sarif', failedFile])).code, 1);
      const failed = read(failedFile);
      assert.ok(validate(failed), JSON.stringify(validate.errors));
      const run = failed.runs[0]!;
      assert.deepEqual(
        run.tool.driver.rules!.map((r) => r.id),
        ['cert.hostname'],
      );
      assert.equal(run.results!.length, 1);
      const result = run.results![0]!;
      assert.equal(result.ruleId, 'cert.hostname');
      assert.equal(result.ruleIndex, 0);
      assert.equal(result.level, 'error');
      assert.match(result.message.text!, /does not cover "localhost" \(it names DNS:wrong\.example\)/);
      assert.equal(
        result.locations![0]!.physicalLocation!.artifactLocation!.uri,
        `https://localhost:${wrongHost.port}/`,
      );
      assert.equal(run.invocations![0]!.executionSuccessful, true);

      const warnedFile = join(dir, 'weak-key.sarif');
      assert.equal((await checkTls(url(weakKey), ['--sarif', warnedFile])).code, 0);
      const warned = read(warnedFile);
      assert.ok(validate(warned), JSON.stringify(validate.errors));
      assert.deepEqual(
        warned.runs[0]!.results!.map((r) => [r.ruleId, r.level]),
        [['cert.key', 'warning']],
      );

      const passedFile = join(dir, 'good.sarif');
      assert.equal((await checkTls(url(good), ['--sarif', passedFile])).code, 0);
      const passed = read(passedFile);
      assert.ok(validate(passed), JSON.stringify(validate.errors));
      assert.deepEqual(passed.runs[0]!.results, []);
    });

    it('an incomplete grade is a tls.grade warning; missing --min-grade because of it, an error too', async () => {
      const validate = await sarifSchemaValidator();
      const file = join(dir, 'grade.sarif');
      const [target, ...extra] = fronted(await gradeSilent());
      assert.equal((await checkTls(target!, [...extra, '--min-grade', 'F', '--sarif', file])).code, 1);
      const log = JSON.parse(readFileSync(file, 'utf8')) as Log;
      assert.ok(validate(log), JSON.stringify(validate.errors));
      const run = log.runs[0]!;
      assert.deepEqual(
        run.tool.driver.rules!.map((r) => r.id),
        ['tls.grade'],
      );
      const results = run.results!.map((r) => [r.ruleId, r.level, r.message.text]);
      assert.equal(results.length, 2, JSON.stringify(results));
      assert.equal(results[0]![1], 'warning');
      assert.match(results[0]![2]!, /^the grade is incomplete: .*TLS 1\.3 suites: no answer in time/);
      assert.equal(results[1]![1], 'error');
      assert.match(results[1]![2]!, /so it cannot meet --min-grade F$/);
    });

    it('hostile certificate text is data in the log: the schema accepts it', async () => {
      const validate = await sarifSchemaValidator();
      const file = join(dir, 'hostile.sarif');
      const r = await runMain(['check-tls', url(hostile), '--ca', hostileCa, '--sarif', file]);
      assert.equal(r.code, 1);
      const log = JSON.parse(readFileSync(file, 'utf8')) as Log;
      assert.ok(validate(log), JSON.stringify(validate.errors));
      assert.match(log.runs[0]!.results![0]!.message.text!, /::error::injected %0a\|x/);
    });
  });
});
