/**
 * check-tls says each outcome once and plainly: a plain-http target is one line (the JSON keeps every
 * check id), a misspelled scheme gets a "did you mean", and a grade under --min-grade is said as such.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CheckTlsReport } from '../../src/commands/check-tls.js';
import { startGradeServer, type GradeServer } from '../helpers/grade-servers.js';
import { cert } from '../helpers/tls-servers.js';
import { runMain } from '../helpers/run-main.js';
import { CHECK_TLS_IDS } from '../helpers/check-tls-ids.js';

const IDS = CHECK_TLS_IDS;

describe('check-tls http://…', () => {
  it('human: one line, "Tradecloud requires https"; --json: every check id; exit 1', async () => {
    const human = await runMain(['check-tls', 'http://127.0.0.1:8080/hook']);
    assert.equal(human.code, 1);
    assert.equal(human.stderr, '');
    const lines = human.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 1, human.stdout);
    assert.match(
      lines[0]!,
      /^FAILED: Tradecloud requires https, and http:\/\/127\.0\.0\.1:8080\/hook is plain http/,
    );
    assert.match(lines[0]!, /--probe-https/);

    const json = await runMain(['check-tls', 'http://127.0.0.1:8080/hook', '--json']);
    assert.equal(json.code, 1);
    const report = JSON.parse(json.stdout) as CheckTlsReport;
    assert.deepEqual(
      report.checks.map((c) => c.id),
      IDS,
    );
    assert.equal(report.checks[0]?.status, 'fail');
  });
});

describe('check-tls: a misspelled scheme', () => {
  for (const [typed, meant] of [
    ['https//localhost:8443/hook', 'https://localhost:8443/hook'],
    ['https:/localhost:8443/hook', 'https://localhost:8443/hook'],
    ['https:hooks.example.com', 'https://hooks.example.com'],
    ['HTTPS//hooks.example.com/x', 'https://hooks.example.com/x'],
    ['http//hooks.example.com', 'http://hooks.example.com'],
  ] as const) {
    it(`${typed}: "did you mean ${meant}", exit 2, nothing probed`, async () => {
      const run = await runMain(['check-tls', typed]);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /the scheme is misspelled/);
      assert.ok(run.stderr.includes(`Did you mean ${meant}?`), run.stderr);
      const json = await runMain(['check-tls', typed, '--json']);
      assert.equal(json.code, 2);
      const error = (JSON.parse(json.stdout) as { error: { code: string; hint: string } }).error;
      assert.equal(error.hint, `Did you mean ${meant}?`);
    });
  }

  it('host:port whose host is named "https" is not a typo', async () => {
    const run = await runMain(['check-tls', 'https:1', '--timeout', '500']);
    assert.doesNotMatch(run.stderr, /misspelled/);
  });

  it('send-sample https//host: the same hint', async () => {
    const run = await runMain(['send-sample', 'https//hooks.example.com/hook', '--dry-run']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Did you mean https:\/\/hooks\.example\.com\/hook\?/);
  });
});

describe('check-tls --min-grade: said plainly', () => {
  let server: GradeServer;
  let target: string;
  before(async () => {
    // No HSTS header: the grade is A, never A+.
    server = await startGradeServer({ key: 'good.key', cert: 'good-chain.pem' });
    target = `https://localhost:${server.port}/`;
  });
  after(() => server.close());

  it('A under --min-grade A+: "grade A is below the required A+", not "0 checks failed"', async () => {
    const run = await runMain(['check-tls', target, '--ca', cert('root-ca.pem'), '--min-grade', 'A+']);
    assert.equal(run.code, 1, run.stdout);
    const last = run.stdout.trimEnd().split('\n').at(-1)!;
    assert.equal(last, 'FAILED: grade A is below the required A+ (--min-grade); no check failed');
    assert.doesNotMatch(run.stdout, /0 checks failed|above/);
    assert.match(run.stdout, /Minimum A\+ \(--min-grade\): NOT met/);
  });

  it('A against --min-grade B: met, exit 0', async () => {
    const run = await runMain(['check-tls', target, '--ca', cert('root-ca.pem'), '--min-grade', 'B']);
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout.trimEnd().split('\n').at(-1)!, /^OK: no check failed/);
  });

  it('T (untrusted, no --ca) against any minimum: says T fails every minimum, and the failed check', async () => {
    const run = await runMain(['check-tls', target, '--min-grade', 'F']);
    assert.equal(run.code, 1);
    const last = run.stdout.trimEnd().split('\n').at(-1)!;
    assert.match(
      last,
      /^FAILED: 1 check failed; grade T \(certificate not trusted\) fails every --min-grade$/,
    );
  });
});
