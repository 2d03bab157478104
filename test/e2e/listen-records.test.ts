import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { post } from '../helpers/https-post.js';
import { recordsOf, startListen, TLS_FLAGS } from '../helpers/listen-process.js';
import { join } from 'node:path';
import { ROOT, TEST_TMPDIR } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

const valid = readFileSync(`${ROOT}fixtures/payloads/valid/order-event.json`);

describe('listen --json: every line says which record it is', () => {
  it('listening (with the URL a client uses, also for 0.0.0.0), a delivery per request, the summary last', async () => {
    const listen = await startListen([...TLS_FLAGS, '--host', '0.0.0.0', '--json', '--max-requests', '2']);
    assert.match(listen.url, /^https:\/\/127\.0\.0\.1:\d+\/$/);
    const headers = { 'content-type': 'application/json' };
    assert.equal((await post(listen.url, { headers, body: valid })).status, 200);
    assert.equal((await post(listen.url, { headers, body: '{"orderEvent": 5}' })).status, 200);
    const done = await listen.exited;
    assert.equal(done.code, 1, done.stderr);
    const records = recordsOf(done.stdout);
    assert.deepEqual(
      records.map((r) => r.record),
      ['listening', 'delivery', 'delivery', 'summary'],
    );
    assert.equal(records[0]!.url, listen.url);
    assert.match(String(records[0]!.policy), /on every interface \(0\.0\.0\.0\)/);
    assert.equal(records[1]!.type, 'order');
    assert.equal(records[1]!.valid, true);
    assert.equal(records[2]!.valid, false);
    assert.deepEqual(
      { ...records[3], events: undefined },
      {
        record: 'summary',
        ok: false,
        requests: 2,
        deliveries: 2,
        valid: 1,
        invalid: 1,
        authFailures: 0,
        refused: 0,
        events: undefined,
      },
    );
  });

  it("says once at start-up that dev-cert's certificate would be refused by Tradecloud", async () => {
    const cwd = mkdtempSync(join(TEST_TMPDIR, 'listen-dev-cert-'));
    assert.equal((await runMain(['dev-cert'], { cwd })).code, 0);
    const dir = join(cwd, 'tc-webhook-dev-cert');
    const listen = await startListen([
      '--cert',
      join(dir, 'cert.pem'),
      '--key',
      join(dir, 'key.pem'),
      '--json',
    ]);
    const done = await listen.stop();
    const notice =
      /^the --cert chain does not reach a public root \(localhost is issued by tc-webhook local test CA \d{4}-\d\d-\d\d \(not for production\), a private CA or an intermediate missing from --cert\): fine for local tests, but Tradecloud would refuse it in production$/;
    const warnings = recordsOf(done.stdout)[0]!.warnings as string[];
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, notice);
    assert.equal(done.stderr.split(warnings[0]!).length, 2, `said once: ${done.stderr}`);
  });
});
