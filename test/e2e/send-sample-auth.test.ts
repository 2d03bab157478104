import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startOAuthProvider, type OAuthProvider } from '../helpers/oauth-provider.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { runMain, type MainRun as CliRun } from '../helpers/run-main.js';

const USER = 'erp-user';
const PASSWORD = 'pw-Secr3t-basic-8f2a61';
const TOKEN = 'tok-Secr3t-bearer-77c1d9';
const BASIC_B64 = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
const EVENT = ['--event', 'OrderIssuedByBuyer', '--ca', ROOT_CA_FILE];

/** Every secret of the run, and the base64 form Basic auth carries, must stay out of both streams. */
function assertNoSecrets(run: CliRun, secrets: string[]): void {
  for (const secret of [...secrets, BASIC_B64]) {
    assert.ok(!run.stdout.includes(secret), `stdout leaks ${secret}`);
    assert.ok(!run.stderr.includes(secret), `stderr leaks ${secret}`);
  }
}

describe('send-sample authentication (real HTTPS receiver, real OAuth provider)', () => {
  let oauth: OAuthProvider;
  const receivers: Receiver[] = [];
  const receiver = async (options: Parameters<typeof startReceiver>[0]) => {
    const r = await startReceiver(options);
    receivers.push(r);
    return r;
  };
  before(async () => {
    oauth = await startOAuthProvider();
  });
  after(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await oauth.close();
  });
  const oauthFlags = () => [
    '--auth',
    'oauth2',
    '--token-url',
    oauth.tokenUrl,
    '--client-id',
    oauth.clientId,
    '--scope',
    oauth.scope,
  ];

  it('none: delivered, exit 0, no Authorization header', async () => {
    const r = await receiver({});
    const run = await runMain(['send-sample', r.url, ...EVENT]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(r.requests.length, 1);
    assert.equal(r.requests[0]!.headers.authorization, undefined);
    assert.equal(r.requests[0]!.method, 'POST');
    assert.equal(r.requests[0]!.headers['content-type'], 'application/json');
    assert.equal((JSON.parse(r.requests[0]!.body) as { eventName: string }).eventName, 'OrderIssuedByBuyer');
    assert.match(run.stdout, /✔ OrderIssuedByBuyer {2}200 {2}delivered/);
  });

  it('basic: accepted with flags, and with TC_WEBHOOK_* variables; the secret never shows', async () => {
    const r = await receiver({ auth: { type: 'basic', username: USER, password: PASSWORD } });
    const byFlag = await runMain([
      'send-sample',
      r.url,
      ...EVENT,
      '--auth',
      'basic',
      '--username',
      USER,
      '--password',
      PASSWORD,
      '--json',
    ]);
    assert.equal(byFlag.code, 0, byFlag.stderr);
    const report = JSON.parse(byFlag.stdout) as {
      ok: boolean;
      auth: string;
      requests: Array<{ status: number }>;
    };
    assert.equal(report.ok, true);
    assert.equal(report.auth, 'basic');
    assert.equal(report.requests[0]!.status, 200);
    const byEnv = await runMain(['send-sample', r.url, ...EVENT, '--auth', 'basic'], {
      env: { TC_WEBHOOK_USERNAME: USER, TC_WEBHOOK_PASSWORD: PASSWORD },
    });
    assert.equal(byEnv.code, 0, byEnv.stderr);
    assert.deepEqual(
      r.requests.map((q) => q.authorized),
      [true, true],
    );
    assertNoSecrets(byFlag, [PASSWORD]);
    assertNoSecrets(byEnv, [PASSWORD]);
  });

  it('bearer: accepted; a wrong token gets 401 → rejected, exit 1', async () => {
    const r = await receiver({ auth: { type: 'bearer', token: TOKEN } });
    const good = await runMain(['send-sample', r.url, ...EVENT, '--auth', 'bearer'], {
      env: { TC_WEBHOOK_TOKEN: TOKEN },
    });
    assert.equal(good.code, 0, good.stderr);
    const wrong = await runMain([
      'send-sample',
      r.url,
      ...EVENT,
      '--auth',
      'bearer',
      '--token',
      `${TOKEN}-wrong`,
    ]);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stdout, /✖ OrderIssuedByBuyer {2}401 {2}rejected/);
    assert.match(wrong.stdout, /will not retry it; check the credentials/);
    assertNoSecrets(good, [TOKEN]);
    assertNoSecrets(wrong, [TOKEN]);
  });

  it('missing credentials at the endpoint: 401, exit 1; missing credentials for the method: exit 2 naming flag and variable', async () => {
    const r = await receiver({ auth: { type: 'basic', username: USER, password: PASSWORD } });
    const none = await runMain(['send-sample', r.url, ...EVENT, '--json']);
    assert.equal(none.code, 1);
    const report = JSON.parse(none.stdout) as {
      ok: boolean;
      requests: Array<{ status: number; outcome: string }>;
    };
    assert.equal(report.ok, false);
    assert.deepEqual([report.requests[0]!.status, report.requests[0]!.outcome], [401, 'rejected']);

    const missing = await runMain(['send-sample', r.url, ...EVENT, '--auth', 'basic', '--username', USER], {
      env: { TC_WEBHOOK_PASSWORD: undefined },
    });
    assert.equal(missing.code, 2);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /^tc-webhook: --auth basic needs --password \(or TC_WEBHOOK_PASSWORD\)\./);
    assert.equal(missing.stderr.trim().split('\n').length, 1);
    const missingOauth = await runMain(['send-sample', r.url, ...EVENT, '--auth', 'oauth2'], {
      env: { TC_WEBHOOK_CLIENT_ID: undefined, TC_WEBHOOK_CLIENT_SECRET: undefined },
    });
    assert.equal(missingOauth.code, 2);
    assert.match(
      missingOauth.stderr,
      /--token-url, --client-id \(or TC_WEBHOOK_CLIENT_ID\) and --client-secret \(or TC_WEBHOOK_CLIENT_SECRET\)/,
    );
  });

  it('oauth2: one token for the whole burst, verified by the receiver; the secret and the token never show', async () => {
    const r = await receiver({ auth: { type: 'oauth2', introspect: oauth.introspect } });
    const before = oauth.tokenRequests;
    const run = await runMain(
      ['send-sample', r.url, ...EVENT, ...oauthFlags(), '--count', '5', '--concurrency', '3', '--json'],
      { env: { TC_WEBHOOK_CLIENT_SECRET: oauth.clientSecret } },
    );
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { summary: { delivered: number; tokenFetches: number } };
    assert.equal(report.summary.delivered, 5);
    assert.equal(report.summary.tokenFetches, 1);
    assert.equal(oauth.tokenRequests - before, 1);
    assert.equal(r.requests.length, 5);
    assert.ok(r.requests.every((q) => q.authorized));
    const accessToken = r.requests[0]!.headers.authorization!.slice('Bearer '.length);
    assertNoSecrets(run, [oauth.clientSecret, accessToken]);
    // Tradecloud's OAuth client only works with Microsoft authorities: the local provider is flagged.
    assert.match(run.stderr, /warning: .* is not a Microsoft identity platform authority/);
  });

  it('oauth2: an endpoint that echoes the Authorization header does not leak the token', async () => {
    const r = await receiver({
      auth: { type: 'oauth2', introspect: oauth.introspect },
      respond: (request) => ({ status: 400, body: `bad request, you sent ${request.headers.authorization}` }),
    });
    const run = await runMain([
      'send-sample',
      r.url,
      ...EVENT,
      ...oauthFlags(),
      '--client-secret',
      oauth.clientSecret,
    ]);
    assert.equal(run.code, 1);
    const accessToken = r.requests[0]!.headers.authorization!.slice('Bearer '.length);
    assert.match(run.stdout, /you sent Bearer \*\*\*/);
    assertNoSecrets(run, [oauth.clientSecret, accessToken]);
  });

  it('oauth2: invalid_client from the token endpoint is one line, exit 2, nothing delivered', async () => {
    const r = await receiver({});
    const run = await runMain([
      'send-sample',
      r.url,
      ...EVENT,
      ...oauthFlags(),
      '--client-secret',
      'wrong-Secr3t-xyz',
    ]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    const errorLines = run.stderr.split('\n').filter((line) => line.startsWith('tc-webhook:'));
    assert.equal(errorLines.length, 1);
    assert.match(
      errorLines[0]!,
      /token endpoint http:\/\/127\.0\.0\.1:\d+\/token refused the client credentials: invalid_client \(client authentication failed\)/,
    );
    assert.equal(r.requests.length, 0);
    assertNoSecrets(run, ['wrong-Secr3t-xyz']);
  });

  it('--dry-run masks every secret, sends nothing and fetches no token', async () => {
    const r = await receiver({});
    const before = oauth.tokenRequests;
    const basic = await runMain([
      'send-sample',
      r.url,
      ...EVENT,
      '--auth',
      'basic',
      '--username',
      USER,
      '--password',
      PASSWORD,
      '--dry-run',
    ]);
    assert.equal(basic.code, 0, basic.stderr);
    assert.match(basic.stdout, /Authorization: Basic \*\*\*/);
    assert.match(basic.stdout, /"eventName": "OrderIssuedByBuyer"/);
    const oauthRun = await runMain([
      'send-sample',
      r.url,
      ...EVENT,
      ...oauthFlags(),
      '--client-secret',
      oauth.clientSecret,
      '--dry-run',
      '--json',
    ]);
    assert.equal(oauthRun.code, 0, oauthRun.stderr);
    const report = JSON.parse(oauthRun.stdout) as {
      ok: boolean;
      dryRun: boolean;
      token: { url: string; body: string };
      requests: Array<{ method: string; headers: Record<string, string>; body: string }>;
    };
    assert.equal(report.dryRun, true);
    assert.equal(report.ok, true);
    assert.equal(report.token.url, oauth.tokenUrl);
    assert.match(
      report.token.body,
      /grant_type=client_credentials&client_id=tradecloud-webhook&client_secret=\*\*\*&scope=webhook/,
    );
    assert.equal(report.requests[0]!.headers.Authorization, 'Bearer ***');
    assert.equal(report.requests[0]!.method, 'POST');
    assert.equal(r.requests.length, 0);
    assert.equal(oauth.tokenRequests, before);
    assertNoSecrets(basic, [PASSWORD]);
    assertNoSecrets(oauthRun, [oauth.clientSecret]);
  });

  it('refuses to send credentials over plain http to a non-loopback host, without leaking them', async () => {
    const run = await runMain([
      'send-sample',
      'http://webhook.example.com/hook',
      ...EVENT,
      '--auth',
      'bearer',
      '--token',
      TOKEN,
    ]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /refusing to send credentials in clear text to http:\/\/webhook\.example\.com/);
    assertNoSecrets(run, [TOKEN]);
  });

  it('an unreachable endpoint is exit 2 and the error line carries no secret', async () => {
    const run = await runMain(
      ['send-sample', 'https://127.0.0.1:1/hook', ...EVENT, '--auth', 'basic', '--username', USER],
      {
        env: { TC_WEBHOOK_PASSWORD: PASSWORD },
      },
    );
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot connect to https:\/\/127\.0\.0\.1:1\/hook: connection refused/);
    assertNoSecrets(run, [PASSWORD]);
  });
});
