import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { post } from '../helpers/https-post.js';
import { entriesOf, TLS_FLAGS } from '../helpers/listen-process.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { refusedAtStartUp, runMain, startListening } from '../helpers/run-main.js';

const TOKEN = 'inferred-bearer-token-4e1d';
const USER = 'tradecloud';
const PASSWORD = 'inferred-password-8c2b';
const CA = ['--ca', ROOT_CA_FILE];

interface Report {
  auth: string;
  authInferred?: boolean;
  authInferredFrom?: string[];
  ok: boolean;
  warnings: string[];
}

describe('authentication inferred from the credential flags (real CLI)', () => {
  let bearer: Receiver;
  let basic: Receiver;
  before(async () => {
    [bearer, basic] = await Promise.all([
      startReceiver({ auth: { type: 'bearer', token: TOKEN } }),
      startReceiver({ auth: { type: 'basic', username: USER, password: PASSWORD } }),
    ]);
  });
  after(() => Promise.all([bearer.close(), basic.close()]));

  describe('send-sample', () => {
    it('--token alone: bearer, and the report says it was inferred', async () => {
      const json = await runMain(['send-sample', bearer.url, ...CA, '--token', TOKEN, '--json']);
      assert.equal(json.code, 0, json.stdout + json.stderr);
      const report = JSON.parse(json.stdout) as Report;
      assert.equal(report.auth, 'bearer');
      assert.equal(report.authInferred, true);
      assert.deepEqual(report.authInferredFrom, ['--token']);
      const human = await runMain(['send-sample', bearer.url, ...CA, '--token', TOKEN]);
      assert.equal(human.code, 0, human.stderr);
      assert.match(human.stdout, /\(auth: bearer, inferred from --token/);
    });

    it('--username and --password alone: basic', async () => {
      const run = await runMain([
        ...['send-sample', basic.url, ...CA, '--json'],
        ...['--username', USER, '--password', PASSWORD],
      ]);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const report = JSON.parse(run.stdout) as Report;
      assert.equal(report.auth, 'basic');
      assert.deepEqual(report.authInferredFrom, ['--username', '--password']);
    });

    it('--username with the password from the environment: basic', async () => {
      const run = await runMain(['send-sample', basic.url, ...CA, '--json', '--username', USER], {
        env: { TC_WEBHOOK_PASSWORD: PASSWORD },
      });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.equal((JSON.parse(run.stdout) as Report).auth, 'basic');
    });

    it('an explicit --auth is not "inferred"', async () => {
      const run = await runMain([
        'send-sample',
        bearer.url,
        ...CA,
        '--auth',
        'bearer',
        '--token',
        TOKEN,
        '--json',
      ]);
      assert.equal(run.code, 0, run.stderr);
      const report = JSON.parse(run.stdout) as Report;
      assert.equal(report.auth, 'bearer');
      assert.equal(report.authInferred, undefined);
    });

    for (const [name, args, message] of [
      [
        'flags of two methods',
        ['--token', TOKEN, '--username', USER],
        /--username \(basic\) and --token \(bearer\) belong to different authentication methods/,
      ],
      [
        'flags contradicting --auth',
        ['--auth', 'basic', '--token', TOKEN],
        /--auth basic contradicts --token, which is for --auth bearer/,
      ],
      [
        '--auth none with a credential flag',
        ['--auth', 'none', '--client-id', 'c'],
        /--auth none contradicts --client-id, which is for --auth oauth2/,
      ],
    ] as const) {
      it(`${name}: usage error, exit 2, nothing sent`, async () => {
        const before = bearer.requests.length;
        const run = await runMain(['send-sample', bearer.url, ...CA, ...args]);
        assert.equal(run.code, 2, run.stderr);
        assert.match(run.stderr, message);
        assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
        assert.equal(bearer.requests.length, before);
        assert.ok(!run.stderr.includes(TOKEN));
      });
    }

    it('environment variables alone never switch auth on, and a note names them', async () => {
      const run = await runMain(['send-sample', bearer.url, ...CA, '--json'], {
        env: { TC_WEBHOOK_TOKEN: TOKEN, TC_WEBHOOK_PASSWORD: PASSWORD },
      });
      const report = JSON.parse(run.stdout) as Report;
      assert.equal(report.auth, 'none');
      assert.match(run.stderr, /warning: TC_WEBHOOK_PASSWORD, TC_WEBHOOK_TOKEN are set but ignored/);
      assert.ok(report.warnings.some((w) => /TC_WEBHOOK_TOKEN/.test(w)));
      assert.equal(bearer.requests.at(-1)?.headers.authorization, undefined);
    });
  });

  describe('doctor', () => {
    it('--token alone: bearer inferred, said in the report', async () => {
      const run = await runMain([
        ...['doctor', bearer.url, ...CA, '--yes', '--json', '--token', TOKEN],
        ...['--events', 'OrderIssuedByBuyer'],
      ]);
      const report = JSON.parse(run.stdout) as Report & { checks: Array<{ id: string; status: string }> };
      assert.equal(report.auth, 'bearer');
      assert.equal(report.authInferred, true);
      assert.equal(report.checks.find((c) => c.id === 'auth')?.status, 'pass');
      assert.ok(!run.stdout.includes(TOKEN) && !run.stderr.includes(TOKEN));
    });

    it('flags of two methods: exit 2 before anything is sent', async () => {
      const before = bearer.requests.length;
      const run = await runMain([
        'doctor',
        bearer.url,
        ...CA,
        '--yes',
        '--token',
        TOKEN,
        '--client-secret',
        's3cr3t-value',
      ]);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /belong to different authentication methods/);
      assert.equal(bearer.requests.length, before);
    });
  });

  describe('listen', () => {
    const refused = (args: string[], env: Record<string, string> = {}) =>
      refusedAtStartUp(['listen', '--port', '0', ...TLS_FLAGS, ...args], { env });

    it('--token without --auth enforces bearer (never starts unauthenticated)', async () => {
      const served = await startListening([
        'listen',
        '--port',
        '0',
        ...TLS_FLAGS,
        '--token',
        TOKEN,
        '--max-requests',
        '2',
        '--json',
      ]);
      assert.match(served.stderr, /auth: bearer \(inferred from --token\)|bearer \(inferred from --token\)/);
      const without = await post(served.url, { body: '{}', headers: { 'content-type': 'application/json' } });
      const withToken = await post(served.url, {
        body: '{}',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      });
      const done = await served.done;
      assert.equal(without.status, 401);
      assert.notEqual(withToken.status, 401);
      const entries = entriesOf(done.stdout).filter((e) => 'seq' in e);
      assert.deepEqual(
        entries.map((e) => (e.auth as { ok: boolean }).ok),
        [false, true],
      );
      assert.ok(!done.stdout.includes(TOKEN) && !done.stderr.includes(TOKEN));
    });

    it('--username and --password without --auth enforce basic', async () => {
      const served = await startListening([
        ...['listen', '--port', '0', ...TLS_FLAGS, '--username', USER, '--password', PASSWORD],
        ...['--max-requests', '1', '--json'],
      ]);
      const answer = await post(served.url, { body: '{}' });
      await served.done;
      assert.equal(answer.status, 401);
    });

    it('--issuer without --auth is oauth2 (and then needs --audience)', async () => {
      const run = await refused(['--issuer', 'https://login.example.test/t/v2.0']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /--auth oauth2 needs --issuer and --audience/);
    });

    it('--auth none with --token, or flags of two methods: exit 2', async () => {
      const none = await refused(['--auth', 'none', '--token', TOKEN]);
      assert.equal(none.code, 2);
      assert.match(none.stderr, /--auth none contradicts --token/);
      const two = await refused(['--token', TOKEN, '--jwks-url', 'https://keys.example.test/']);
      assert.equal(two.code, 2);
      assert.match(two.stderr, /belong to different authentication methods/);
    });

    it('TC_WEBHOOK_TOKEN alone does not switch auth on: a note says it is ignored', async () => {
      const served = await startListening(['listen', '--port', '0', ...TLS_FLAGS, '--max-requests', '1'], {
        env: { TC_WEBHOOK_TOKEN: TOKEN },
      });
      await post(served.url, { body: '{}' });
      const done = await served.done;
      assert.match(done.stderr, /TC_WEBHOOK_TOKEN is set but ignored/);
    });

    for (const [name, args, message] of [
      [
        'a token outside RFC 6750 token68',
        ['--token', 'has space:and"quote'],
        /--token \(or TC_WEBHOOK_TOKEN\) .*no request could ever match it/,
      ],
      [
        'a token with a non-ASCII letter',
        ['--auth', 'bearer', '--token', 'tök3n-value'],
        /no request could ever match it/,
      ],
      [
        'a user name with a colon',
        ['--username', 'a:b', '--password', PASSWORD],
        /--username cannot contain ":"/,
      ],
    ] as const) {
      it(`credentials no request can match (${name}): exit 2 at start-up`, async () => {
        const run = await refused([...args]);
        assert.equal(run.code, 2, run.stderr);
        assert.match(run.stderr, message);
      });
    }
  });
});
