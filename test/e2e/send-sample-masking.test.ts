import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { echoForms, leakedForms } from '../helpers/echo-encodings.js';
import { ROOT_CA_FILE, startReceiver, type Receiver, type ReceiverOptions } from '../helpers/receiver.js';
import { runMain, type MainRun as CliRun } from '../helpers/run-main.js';

const CA = ['--ca', ROOT_CA_FILE];
/** Spaces, non-ASCII letters, ':', '+', '/', '=' and both quotes. */
const PASSWORD = `P\u00e4ss w\u00f6rd:+/="it's"`;
const USER = 'tradecloud-user';
/** Header-safe (ASCII), with ':', '+', '/', '=' and quotes. */
const TOKEN = `tok:en+/="q'uote"=`;
const CLIENT_SECRET = 'a b S3cr\u00e9t+/=:"x"';
const ACCESS_TOKEN = 'eyJhbGciOi.access+token/with=';

/** Every output of a run: a leak anywhere fails. */
const everything = (run: CliRun) => `${run.stdout}\n${run.stderr}`;

function assertMasked(run: CliRun, secret: string, user?: string): void {
  assert.deepEqual(leakedForms(everything(run), secret, user), [], everything(run));
  assert.match(everything(run), /\*\*\*/);
}

describe('send-sample masks secrets however a server echoes them (real CLI, echoing servers)', () => {
  const receivers: Receiver[] = [];
  const receiver = async (options: ReceiverOptions) => {
    const r = await startReceiver(options);
    receivers.push(r);
    return r;
  };
  let tokenServer: Server;
  let tokenUrl = '';
  before(async () => {
    // A token endpoint that echoes the form it received (client_secret=a+b+S3cr%C3%A9t…) and, for
    // the client secret in every other encoding, answers invalid_client for client "echo".
    tokenServer = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (d: string) => (body += d));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        res.setHeader('content-type', 'application/json');
        if (form.get('client_id') === 'echo') {
          const forms = Object.values(echoForms(form.get('client_secret') ?? '')).join(' | ');
          res
            .writeHead(401)
            .end(
              JSON.stringify({ error: 'invalid_client', error_description: `received ${body} | ${forms}` }),
            );
        } else {
          res.end(JSON.stringify({ access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 3600 }));
        }
      });
    });
    await new Promise<void>((resolve) => tokenServer.listen(0, '127.0.0.1', resolve));
    tokenUrl = `http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}/token`;
  });
  after(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await new Promise<void>((resolve) => tokenServer.close(() => resolve()));
  });

  /** Answer n carries form n of the secret, so each form shows in the human report too. */
  const echoing = (secret: string, user?: string): ReceiverOptions['respond'] => {
    const forms = Object.values(echoForms(secret, user));
    return (_req, n) => ({
      status: 400,
      headers: { 'content-type': 'text/plain', location: `https://x.example/?s=${forms[n % forms.length]}` },
      body: `rejected ${forms[n % forms.length]} for you`,
    });
  };
  const countFor = (secret: string, user?: string) => String(Object.keys(echoForms(secret, user)).length);

  it('basic: the password and user:password, in human and --json output', async () => {
    const r = await receiver({
      auth: { type: 'basic', username: USER, password: PASSWORD },
      respond: echoing(PASSWORD, USER),
    });
    const args = ['send-sample', r.url, ...CA, '--auth', 'basic', '--username', USER];
    const count = ['--count', countFor(PASSWORD, USER)];
    const env = { env: { TC_WEBHOOK_PASSWORD: PASSWORD } };
    const human = await runMain([...args, ...count], env);
    assert.equal(human.code, 1, human.stderr);
    assertMasked(human, PASSWORD, USER);
    assert.match(human.stdout, /response: rejected \*\*\* for you/);
    const json = await runMain([...args, ...count, '--json'], env);
    assert.equal(json.code, 1, json.stderr);
    assertMasked(json, PASSWORD, USER);
    const records = (JSON.parse(json.stdout) as { requests: Array<{ responseBody: string }> }).requests;
    assert.ok(
      records.every((record) => record.responseBody === 'rejected *** for you'),
      json.stdout,
    );
  });

  it('bearer: the token, in human and --json output', async () => {
    const r = await receiver({ auth: { type: 'bearer', token: TOKEN }, respond: echoing(TOKEN) });
    const args = [
      'send-sample',
      r.url,
      ...CA,
      '--auth',
      'bearer',
      '--token',
      TOKEN,
      '--count',
      countFor(TOKEN),
    ];
    for (const extra of [[], ['--json']]) {
      const run = await runMain([...args, ...extra]);
      assert.equal(run.code, 1, run.stderr);
      assertMasked(run, TOKEN);
    }
  });

  it('oauth2: the access token obtained, echoed by the webhook endpoint', async () => {
    const r = await receiver({
      auth: { type: 'bearer', token: ACCESS_TOKEN },
      respond: echoing(ACCESS_TOKEN),
    });
    const args = [
      'send-sample',
      r.url,
      ...CA,
      '--auth',
      'oauth2',
      '--token-url',
      tokenUrl,
      '--client-id',
      'client-7',
      '--client-secret',
      CLIENT_SECRET,
      '--scope',
      'api://hook/.default',
      '--count',
      countFor(ACCESS_TOKEN),
    ];
    for (const extra of [[], ['--json']]) {
      const run = await runMain([...args, ...extra]);
      assert.equal(run.code, 1, run.stderr);
      assertMasked(run, ACCESS_TOKEN);
      assert.deepEqual(leakedForms(everything(run), CLIENT_SECRET), []);
    }
  });

  it('oauth2: a token endpoint error echoing the client secret (form-encoded and more) is masked on stderr', async () => {
    for (const extra of [[], ['--json']]) {
      const run = await runMain(
        [
          'send-sample',
          'https://127.0.0.1:1/hook',
          '--auth',
          'oauth2',
          '--token-url',
          tokenUrl,
          '--client-id',
          'echo',
          '--scope',
          'api://hook/.default',
          ...extra,
        ],
        { env: { TC_WEBHOOK_CLIENT_SECRET: CLIENT_SECRET } },
      );
      assert.equal(run.code, 2, run.stderr);
      if (extra.length === 0) assert.equal(run.stdout, '');
      else assert.equal((JSON.parse(run.stdout) as { error: { code: string } }).error.code, 'network.token');
      assert.match(
        run.stderr,
        /refused the client credentials: invalid_client \(received grant_type=client_credentials&client_id=echo&client_secret=\*\*\*&scope=/,
      );
      assertMasked(run, CLIENT_SECRET);
      assert.equal(
        run.stderr
          .trim()
          .split('\n')
          .filter((l) => !l.startsWith('warning: ')).length,
        1,
      );
    }
  });

  it('--dry-run shows no secret in any form', async () => {
    for (const extra of [[], ['--json']]) {
      const run = await runMain([
        'send-sample',
        'https://127.0.0.1:1/hook',
        '--dry-run',
        '--auth',
        'oauth2',
        '--token-url',
        tokenUrl,
        '--client-id',
        'client-7',
        '--client-secret',
        CLIENT_SECRET,
        ...extra,
      ]);
      assert.equal(run.code, 0, run.stderr);
      assertMasked(run, CLIENT_SECRET);
    }
    const basic = await runMain([
      'send-sample',
      'https://127.0.0.1:1/hook',
      '--dry-run',
      '--auth',
      'basic',
      '--username',
      USER,
      '--password',
      PASSWORD,
    ]);
    assert.equal(basic.code, 0, basic.stderr);
    assertMasked(basic, PASSWORD, USER);
  });
});
