import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ROLE,
  startEntraLikeIssuer,
  TENANT,
  V1_AUDIENCE,
  V2_AUDIENCE,
  type EntraLikeIssuer,
} from '../helpers/entra-like-issuer.js';
import { post } from '../helpers/https-post.js';
import { startJwtOAuthProvider, type JwtOAuthProvider } from '../helpers/jwt-oauth-provider.js';
import { entriesOf, startListen, TLS_FLAGS } from '../helpers/listen-process.js';
import { ROOT_CA_FILE } from '../helpers/receiver.js';
import { runCli } from '../helpers/run-cli.js';

const body = async () => (await runCli(['sample', '--event', 'OrderIssuedByBuyer', '--seed', '7'])).stdout;

describe('listen --auth oauth2 (JWT access tokens verified against the issuer keys)', () => {
  let entra: EntraLikeIssuer;
  let idp: JwtOAuthProvider;
  before(async () => {
    [entra, idp] = await Promise.all([startEntraLikeIssuer(), startJwtOAuthProvider()]);
  });
  after(async () => {
    await Promise.all([entra.close(), idp.close()]);
  });

  it('a real provider: send-sample gets a JWT by client credentials and every delivery passes', async () => {
    const listen = await startListen([...TLS_FLAGS, ...idp.listenFlags, ...['--ca', ROOT_CA_FILE, '--json']]);
    const send = await runCli(
      [
        ...['send-sample', listen.url, '--ca', ROOT_CA_FILE, '--event', 'OrderIssuedByBuyer', '--count', '2'],
        ...idp.sendFlags,
      ],
      { env: { TC_WEBHOOK_CLIENT_SECRET: idp.clientSecret } },
    );
    const done = await listen.stop();
    assert.equal(send.code, 0, send.stdout + send.stderr);
    assert.equal(done.code, 0, done.stderr);
    const entries = entriesOf(done.stdout);
    assert.equal(entries.length, 2);
    for (const e of entries) {
      assert.deepEqual(e.auth, { ok: true, scheme: 'oauth2' });
      assert.equal(e.valid, true);
      assert.equal(e.status, 200);
    }
    assert.ok(!done.stdout.includes('eyJ') && !done.stderr.includes('eyJ'), 'a token was echoed');
  });

  describe('Entra ID shaped v1 and v2 issuers, both listed', () => {
    let url: string;
    let listen: Awaited<ReturnType<typeof startListen>>;
    let payload: string;
    before(async () => {
      payload = await body();
      // Discovery (no --jwks-url): each issuer's /.well-known/openid-configuration names the keys.
      listen = await startListen([
        ...TLS_FLAGS,
        ...['--auth', 'oauth2', '--issuer', entra.v1, '--audience', V1_AUDIENCE],
        ...['--issuer', entra.v2, '--audience', V2_AUDIENCE, '--scope', ROLE, '--ca', ROOT_CA_FILE, '--json'],
      ]);
      url = listen.url;
    });
    const deliver = (token: string) =>
      post(url, {
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: payload,
      });

    it('a v1 token (App ID URI audience, roles) and a v2 token (client id audience) both pass', async () => {
      const v1 = await deliver(
        await entra.sign({ iss: entra.v1, aud: V1_AUDIENCE, roles: [ROLE], tid: TENANT }),
      );
      const v2 = await deliver(
        await entra.sign({ iss: entra.v2, aud: V2_AUDIENCE, roles: [ROLE], tid: TENANT }),
      );
      assert.equal(v1.status, 200, v1.body);
      assert.equal(v2.status, 200, v2.body);
    });

    it('a delegated scope in scp passes too', async () => {
      const answer = await deliver(
        await entra.sign({ iss: entra.v2, aud: V2_AUDIENCE, scp: `User.Read ${ROLE}` }),
      );
      assert.equal(answer.status, 200, answer.body);
    });

    for (const [name, claims, options] of [
      ['wrong audience', { aud: 'api://someone-else' }, {}],
      ['the v1 audience with the v2 issuer (pairs, not any mix)', { aud: V1_AUDIENCE }, {}],
      [
        'expired',
        { exp: Math.floor(Date.now() / 1000) - 3600, iat: Math.floor(Date.now() / 1000) - 7200 },
        {},
      ],
      ['signed with a key that is not published', {}, { foreignKey: true }],
      ['an issuer that is not listed', { iss: 'https://login.microsoftonline.com/other-tenant/v2.0' }, {}],
    ] as const) {
      it(`${name}: 401 with an invalid_token challenge`, async () => {
        const token = await entra.sign(
          Object.assign({ iss: entra.v2, aud: V2_AUDIENCE, roles: [ROLE] }, claims),
          options,
        );
        const answer = await deliver(token);
        assert.equal(answer.status, 401, answer.body);
        assert.match(
          String(answer.headers['www-authenticate']),
          /^Bearer realm="[^"]+", error="invalid_token"/,
        );
      });
    }

    it('a valid token without the role: 403 insufficient_scope', async () => {
      const answer = await deliver(
        await entra.sign({ iss: entra.v2, aud: V2_AUDIENCE, roles: ['Other.Role'] }),
      );
      assert.equal(answer.status, 403);
      assert.match(
        String(answer.headers['www-authenticate']),
        /error="insufficient_scope", scope="Webhook\.Deliver"/,
      );
    });

    it('no token, or not a JWT: 401', async () => {
      const none = await post(url, { body: payload });
      assert.equal(none.status, 401);
      assert.equal(none.headers['www-authenticate'], 'Bearer realm="tc-webhook listen"');
      const opaque = await deliver('not-a-jwt-opaque-Secr3t');
      assert.equal(opaque.status, 401);
    });

    it('says why in the log, never echoes a token, and auth failures do not fail the run', async () => {
      const secretToken = await entra.sign({ iss: entra.v2, aud: 'api://someone-else' });
      await deliver(secretToken);
      const done = await listen.stop('SIGTERM');
      assert.equal(done.code, 0, done.stderr);
      const failures = entriesOf(done.stdout).filter((e) => (e.auth as { ok: boolean }).ok === false);
      const reasons = failures.map((e) => (e.auth as { reason: string }).reason).join('\n');
      assert.match(reasons, /audience "api:\/\/someone-else" is not accepted/);
      assert.match(reasons, /expired/);
      assert.match(reasons, /signature does not verify/);
      assert.match(reasons, /neither the role nor the scope "Webhook.Deliver"/);
      assert.match(
        reasons,
        /issuer "https:\/\/login.microsoftonline.com\/other-tenant\/v2.0" is not accepted/,
      );
      for (const e of failures) assert.equal(e.valid, undefined, 'an unauthenticated body was validated');
      for (const stream of [done.stdout, done.stderr]) {
        assert.ok(!stream.includes(secretToken), 'the token was echoed');
        assert.ok(!stream.includes('not-a-jwt-opaque-Secr3t'), 'the opaque token was echoed');
      }
      assert.match(done.stderr, /auth failures?/);
    });
  });

  it('--scope ending in /.default is a usage error that explains why', async () => {
    const run = await runCli([
      'listen',
      ...TLS_FLAGS,
      '--auth',
      'oauth2',
      '--issuer',
      entra.v2,
      '--audience',
      V2_AUDIENCE,
      '--scope',
      'api://tc-webhook-endpoint/.default',
    ]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /\/\.default is what a client asks the token endpoint for, never a claim/);
  });

  it('an issuer whose discovery document cannot be read stops listen at start-up (exit 2)', async () => {
    const run = await runCli([
      'listen',
      ...TLS_FLAGS,
      '--port',
      '0',
      '--auth',
      'oauth2',
      '--issuer',
      `${entra.v2}-missing`,
      '--audience',
      V2_AUDIENCE,
      '--ca',
      ROOT_CA_FILE,
    ]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot read the OpenID discovery document of issuer .*HTTP 404/);
  });

  it('the issuer keys are fetched with verification on: without --ca the private CA is refused', async () => {
    const run = await runCli([
      'listen',
      ...TLS_FLAGS,
      '--port',
      '0',
      '--auth',
      'oauth2',
      '--issuer',
      entra.v2,
      '--audience',
      V2_AUDIENCE,
    ]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot read the OpenID discovery document/);
  });
});
