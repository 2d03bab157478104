/**
 * A leaf issued straight by a private root (here: `dev-cert`'s CA and leaf), served alone and
 * checked without --ca: one finding saying the issuer is not publicly trusted and naming --ca for
 * test CAs, not a second one about a missing intermediate.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:tls';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CheckTlsReport } from '../../src/commands/check-tls.js';
import { TEST_TMPDIR } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';
import { track, type RunningServer } from '../helpers/tls-servers.js';

describe('check-tls: a certificate from a private root', () => {
  const dir = mkdtempSync(join(TEST_TMPDIR, 'private-ca-'));
  const files = join(dir, 'tc-webhook-dev-cert');
  let server: RunningServer;
  let url: string;
  before(async () => {
    const made = await runMain(['dev-cert'], { cwd: dir });
    assert.equal(made.code, 0, made.stderr);
    const tls = createServer({
      key: readFileSync(join(files, 'key.pem')),
      cert: readFileSync(join(files, 'cert.pem')),
    });
    tls.on('tlsClientError', () => undefined);
    server = await track(tls, '127.0.0.1', () => 0);
    url = `https://localhost:${server.port}/hook`;
  });
  after(() => server.close());

  it('without --ca: "issued by <CA>, which is not publicly trusted", once, with --ca for test CAs', async () => {
    const human = await runMain(['check-tls', url]);
    assert.equal(human.code, 1, human.stderr);
    const fails = human.stdout.split('\n').filter((l) => /^\s+FAIL\s/.test(l));
    assert.equal(fails.length, 1, human.stdout);
    assert.match(
      fails[0]!,
      /cert\.trusted\s+issued by "[^"]*tc-webhook local test CA[^"]*", which is not publicly trusted: Tradecloud will refuse it/,
    );
    assert.match(fails[0]!, /--ca/);
    assert.doesNotMatch(human.stdout, /full chain|intermediate/);

    const json = await runMain(['check-tls', url, '--json']);
    assert.equal(json.code, 1);
    const report = JSON.parse(json.stdout) as CheckTlsReport;
    const status = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
    assert.equal(status['cert.trusted'], 'fail');
    assert.equal(status['cert.chain'], 'skip');
    assert.equal(status['cert.self-signed'], 'pass');
  });

  it('with the CA given by --ca: trusted, and said to be trusted only through --ca', async () => {
    const run = await runMain(['check-tls', url, '--ca', join(files, 'ca.pem'), '--json']);
    assert.equal(run.code, 0, run.stdout);
    const report = JSON.parse(run.stdout) as CheckTlsReport;
    const trusted = report.checks.find((c) => c.id === 'cert.trusted')!;
    assert.equal(trusted.status, 'pass');
    assert.match(trusted.message, /trusted here only through --ca \(.*ca\.pem\), not publicly/);
  });
});
