import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { runCli } from '../helpers/run-cli.js';

describe('--verbose: the HTTP exchange on stderr, secrets masked', () => {
  const receivers: Receiver[] = [];
  after(() => Promise.all(receivers.map((r) => r.close())));
  const receiver = async (options: Parameters<typeof startReceiver>[0]) => {
    const r = await startReceiver(options);
    receivers.push(r);
    return r;
  };

  test('basic auth: request and response lines as curl -v shows them, password never printed', async () => {
    const password = 'hunter2-very-secret';
    const r = await receiver({ auth: { type: 'basic', username: 'acme', password } });
    const run = await runCli([
      'send-sample',
      r.url,
      '--ca',
      ROOT_CA_FILE,
      '--auth',
      'basic',
      '--username',
      'acme',
      '--password',
      password,
      '--verbose',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^\* Connected to 127\.0\.0\.1 .*port \d+$/m);
    assert.match(run.stderr, /^> POST \/webhook HTTP\/1\.1$/m);
    assert.match(run.stderr, /^> authorization: Basic \*\*\*$/m);
    assert.match(run.stderr, /^> content-type: application\/json$/m);
    assert.match(run.stderr, /^< HTTP\/1\.1 200/m);
    assert.match(run.stderr, /^< content-type: /m);
    const basic = Buffer.from(`acme:${password}`).toString('base64');
    for (const secret of [password, basic])
      assert.ok(!run.stderr.includes(secret) && !run.stdout.includes(secret));
  });

  test('bearer token from the environment: masked; JSON on stdout stays clean', async () => {
    const token = 'tok-0123456789abcdef';
    const r = await receiver({ auth: { type: 'bearer', token } });
    const run = await runCli(
      ['send-sample', r.url, '--ca', ROOT_CA_FILE, '--auth', 'bearer', '--json', '--verbose'],
      {
        env: { TC_WEBHOOK_TOKEN: token },
      },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^> authorization: Bearer \*\*\*$/m);
    assert.match(run.stderr, /^< HTTP\/1\.1 200/m);
    assert.ok(!run.stderr.includes(token) && !run.stdout.includes(token));
    assert.equal((JSON.parse(run.stdout) as { ok: boolean }).ok, true);
  });

  test('without --verbose nothing of the exchange is printed', async () => {
    const r = await receiver({});
    const run = await runCli(['send-sample', r.url, '--ca', ROOT_CA_FILE]);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /^[<>*] /m);
  });
});
