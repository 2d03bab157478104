/**
 * On GitHub Actions, secrets learnt at run time are announced with `::add-mask::` as they are learnt,
 * before anything could print them: the OAuth access token from a real oidc-provider (with
 * --verbose tracing the exchange), and the tokens the document API mock issues at login.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli.js';
import { freePort } from '../helpers/documents-integration.js';
import { startOAuthProvider, type OAuthProvider } from '../helpers/oauth-provider.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { ROOT, TEST_TMPDIR } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(TEST_TMPDIR, 'github-add-mask-'));
const CA = ['--ca', ROOT_CA_FILE, '--timeout', '5000'];
const GH = { GITHUB_ACTIONS: 'true', NO_COLOR: '1' };

/** Runs main() in process; stdout and stderr lines in the order they were written, as `out …` / `err …`. */
async function ordered(args: string[], env: Record<string, string>) {
  const lines: string[] = [];
  const recorder = (name: string) => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').slice(0, -1)) lines.push(`${name} ${line}`);
    });
    return stream;
  };
  const code = await main(['node', 'tc-webhook', ...args], {
    env,
    stdin: Readable.from([]),
    stdout: recorder('out'),
    stderr: recorder('err'),
    cwd: ROOT,
    onInterrupt: () => () => undefined,
  });
  await new Promise((resolve) => setImmediate(resolve));
  return { code, lines };
}

const b64 = (text: string) => Buffer.from(text).toString('base64').replace(/=+$/, '');

/** The announcement of `secret` comes before the first line `before` matches; no other line holds it. */
function announcedFirst(lines: string[], secret: string, before: RegExp) {
  const mask = lines.indexOf(`err ::add-mask::${secret}`);
  assert.ok(mask >= 0, `announced:\n${lines.join('\n')}`);
  assert.ok(lines.includes(`err ::add-mask::${b64(secret)}`), 'and its base64');
  const first = lines.findIndex((l) => before.test(l));
  assert.ok(first >= 0, `${before} printed`);
  assert.ok(mask < first, `announced at line ${mask}, before line ${first}: ${lines[first]}`);
  for (const line of lines.filter((l) => !l.startsWith('err ::add-mask::'))) {
    assert.ok(!line.includes(secret), `never printed: ${line}`);
    assert.ok(!line.includes(b64(secret).slice(0, 20)), `nor its base64: ${line}`);
  }
}

describe('::add-mask:: for secrets learnt at run time', () => {
  let oauth: OAuthProvider;
  let receiver: Receiver;
  let tokenSeen: string | undefined;
  before(async () => {
    oauth = await startOAuthProvider();
    receiver = await startReceiver({ auth: { type: 'oauth2', introspect: oauth.introspect } });
  });
  after(async () => {
    await Promise.all([oauth.close(), receiver.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the OAuth access token: announced as soon as the token endpoint answers, before --verbose shows that answer', async () => {
    const file = join(dir, 'one-step.json');
    writeFileSync(file, JSON.stringify({ steps: [{ event: 'OrderIssuedByBuyer' }] }));
    const oauthFlags = [
      ...['--auth', 'oauth2', '--token-url', oauth.tokenUrl],
      ...['--client-id', oauth.clientId, '--scope', oauth.scope],
    ];
    for (const command of [
      ['scenario', receiver.url, file, '--yes'],
      ['send-sample', receiver.url, '--event', 'OrderIssuedByBuyer'],
    ]) {
      const before = receiver.requests.length;
      const { code, lines } = await ordered([...command, ...CA, ...oauthFlags, '--verbose'], {
        ...GH,
        TC_WEBHOOK_CLIENT_SECRET: oauth.clientSecret,
      });
      assert.equal(code, 0, lines.join('\n'));
      const authorization = String(receiver.requests[before]!.headers.authorization);
      const token = authorization.replace(/^Bearer /, '');
      assert.notEqual(token, tokenSeen, 'a fresh token per run');
      tokenSeen = token;
      assert.ok(lines.includes(`err ::add-mask::${oauth.clientSecret}`), 'the client secret from the start');
      // The first answer traced is the token endpoint's: the token is announced before it.
      announcedFirst(lines, token, /^err < HTTP\/1\.1 /);
      assert.ok(
        lines.some((l) => l === 'err > authorization: Bearer ***'),
        `the webhook request is traced, its credential masked:\n${lines.join('\n')}`,
      );
    }
  });

  it('the document API tokens: announced at login, before an answer body echoing one is printed', async () => {
    const port = await freePort();
    const apiBase = `http://127.0.0.1:${port}/v2`;
    let apiToken: string | undefined;
    const echo = await startReceiver({
      respond: (_request, n) => {
        if (n === 0) {
          // Answer first, then log in to the document API, as a queue-backed integration does.
          setImmediate(() => {
            void fetch(`${apiBase}/authentication/login`, {
              headers: { authorization: `Basic ${Buffer.from('erp:api-pass-7c1d9e').toString('base64')}` },
            }).then((r) => {
              apiToken = r.headers.get('set-authorization') ?? undefined;
            });
          });
          return { status: 200 };
        }
        return { status: 200, body: `logged in with ${String(apiToken)}` };
      },
    });
    try {
      const file = join(dir, 'two-steps.json');
      writeFileSync(
        file,
        JSON.stringify({
          steps: [{ event: 'OrderIssuedByBuyer' }, { event: 'OrderIssuedByBuyer', delay: '1s' }],
        }),
      );
      const { code, lines } = await ordered(
        [
          ...['scenario', echo.url, file, '--yes', ...CA, '--json'],
          ...['--documents-api', String(port), '--api-username', 'erp', '--link-ttl', '1'],
        ],
        { ...GH, TC_WEBHOOK_API_PASSWORD: 'api-pass-7c1d9e' },
      );
      assert.equal(code, 0, lines.join('\n'));
      assert.ok(apiToken, 'the integration logged in');
      announcedFirst(lines, apiToken, /^out /);
      assert.ok(
        lines.some((l) => l.includes('"responseBody": "logged in with ***"')),
        lines.join('\n'),
      );
    } finally {
      await echo.close();
    }
  });
});
