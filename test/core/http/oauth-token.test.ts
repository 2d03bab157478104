import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Dispatcher } from 'undici';
import { NetworkError } from '../../../src/errors.js';
import { createDeliveryAgent } from '../../../src/core/http/delivery-agent.js';
import { createTokenSource, tokenRequestBody } from '../../../src/core/http/oauth-token.js';
import { startOAuthProvider, type OAuthProvider } from '../../helpers/oauth-provider.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../../helpers/receiver.js';

describe('OAuth 2.0 client credentials against oidc-provider', () => {
  let oauth: OAuthProvider;
  let agent: Dispatcher;
  const receivers: Receiver[] = [];
  before(async () => {
    oauth = await startOAuthProvider({ accessTokenTtl: 300 });
    agent = await createDeliveryAgent({
      ca: [readFileSync(ROOT_CA_FILE, 'utf8')],
      connections: 2,
      timeoutMs: 2000,
    });
  });
  after(async () => {
    await agent.destroy();
    await oauth.close();
    await Promise.all(receivers.map((r) => r.close()));
  });

  const client = (overrides: { clientSecret?: string; tokenUrl?: string } = {}) => ({
    tokenUrl: new URL(overrides.tokenUrl ?? oauth.tokenUrl),
    clientId: oauth.clientId,
    clientSecret: overrides.clientSecret ?? oauth.clientSecret,
    scope: oauth.scope,
  });

  it('sends the form Tradecloud sends', () => {
    const form = tokenRequestBody(client());
    assert.equal(form.get('grant_type'), 'client_credentials');
    assert.equal(form.get('client_id'), oauth.clientId);
    assert.equal(form.get('scope'), oauth.scope);
  });

  it('fetches one token for many concurrent callers and reuses it until shortly before expiry', async () => {
    let now = 1_000_000;
    const before = oauth.tokenRequests;
    const tokens = createTokenSource(client(), { dispatcher: agent, timeoutMs: 2000, now: () => now });
    const got = await Promise.all(Array.from({ length: 20 }, () => tokens.getToken()));
    assert.equal(new Set(got).size, 1);
    assert.equal(tokens.fetches, 1);
    assert.equal(oauth.tokenRequests - before, 1);
    assert.ok(await oauth.introspect(got[0]!));
    now += 200_000; // within 300 s minus the 30 s margin
    await tokens.getToken();
    assert.equal(tokens.fetches, 1);
    now += 80_000; // 280 s: inside the refresh margin
    const refreshed = await tokens.getToken();
    assert.equal(tokens.fetches, 2);
    assert.notEqual(refreshed, got[0]);
  });

  it('reports invalid_client with its description', async () => {
    const tokens = createTokenSource(client({ clientSecret: 'wrong' }), {
      dispatcher: agent,
      timeoutMs: 2000,
      now: Date.now,
    });
    await assert.rejects(tokens.getToken(), (error: unknown) => {
      assert.ok(error instanceof NetworkError);
      assert.match(
        error.message,
        /refused the client credentials: invalid_client \(client authentication failed\)/,
      );
      return true;
    });
  });

  it('reports a non-JSON answer, a missing access_token and an unreachable endpoint', async () => {
    const html = await startReceiver({
      respond: () => ({ status: 200, body: '<html>login</html>', headers: { 'content-type': 'text/html' } }),
    });
    const empty = await startReceiver({
      respond: () => ({
        status: 200,
        body: '{"token_type":"Bearer"}',
        headers: { 'content-type': 'application/json' },
      }),
    });
    receivers.push(html, empty);
    const source = (tokenUrl: string) =>
      createTokenSource(client({ tokenUrl }), { dispatcher: agent, timeoutMs: 2000, now: Date.now });
    await assert.rejects(source(html.url).getToken(), /answered with text\/html, not a JSON token response/);
    await assert.rejects(source(empty.url).getToken(), /answered without an access_token/);
    await assert.rejects(
      source('http://127.0.0.1:1/token').getToken(),
      /cannot get a token from token endpoint http:\/\/127\.0\.0\.1:1\/token: connection refused/,
    );
  });
});
