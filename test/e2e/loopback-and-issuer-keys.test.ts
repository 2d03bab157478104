import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  ROLE,
  startEntraLikeIssuer,
  V2_AUDIENCE,
  type EntraLikeIssuer,
} from '../helpers/entra-like-issuer.js';
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js';
import { post } from '../helpers/https-post.js';
import { entriesOf, TLS_FLAGS } from '../helpers/listen-process.js';
import { CERTS_DIR, ROOT_CA_FILE } from '../helpers/receiver.js';
import { refusedAtStartUp, runMain, startListening } from '../helpers/run-main.js';

const listen = (...args: string[]) => ['listen', '--port', '0', ...TLS_FLAGS, '--ca', ROOT_CA_FILE, ...args];

describe('one loopback rule, and signing keys only over https (real CLI)', () => {
  let entra: EntraLikeIssuer;
  let proxy: ForwardProxy;
  let plain: Server;
  let plainPort = 0;
  const plainHits: string[] = [];
  /** An https issuer whose discovery document names a plain-http jwks_uri. */
  let leakyIssuer: ReturnType<typeof createHttpsServer>;
  let leakyOrigin = '';
  before(async () => {
    entra = await startEntraLikeIssuer();
    // The proxy would happily relay to (and could replace) anything: the tool must not ask it.
    proxy = await startForwardProxy({
      hosts: { 'localhost.attacker.test': '127.0.0.1', 'hook.localhost': '127.0.0.1' },
    });
    plain = createHttpServer((req, res) => {
      plainHits.push(`${req.headers.host ?? ''}${req.url ?? ''}`);
      req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    plainPort = (plain.address() as AddressInfo).port;
    leakyIssuer = createHttpsServer({
      key: readFileSync(`${CERTS_DIR}good.key`),
      cert: readFileSync(`${CERTS_DIR}good-chain.pem`),
    });
    await new Promise<void>((resolve) => leakyIssuer.listen(0, '127.0.0.1', resolve));
    leakyOrigin = `https://127.0.0.1:${(leakyIssuer.address() as AddressInfo).port}`;
    leakyIssuer.on('request', (req, res) => {
      const jwks =
        req.url === '/clear/.well-known/openid-configuration'
          ? `http://keys.attacker.test:${plainPort}/keys`
          : `http://127.0.0.1:${plainPort}/keys`;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ issuer: leakyOrigin, jwks_uri: jwks }));
    });
  });
  after(async () => {
    leakyIssuer.closeAllConnections();
    await Promise.all([
      entra.close(),
      proxy.close(),
      new Promise<void>((resolve) => plain.close(() => resolve())),
      new Promise<void>((resolve) => leakyIssuer.close(() => resolve())),
    ]);
  });

  for (const jwks of [
    'http://localhost.attacker.test/keys',
    'http://localhost@keys.attacker.test/keys',
    'http://127.attacker.test/keys',
    'http://keys.localhost/keys',
  ]) {
    it(`--jwks-url ${jwks}: exit 2 at start-up, nothing fetched`, async () => {
      const run = await refusedAtStartUp(
        listen('--auth', 'oauth2', '--issuer', entra.v2, '--audience', V2_AUDIENCE, '--jwks-url', jwks),
        { env: { HTTP_PROXY: proxy.url } },
      );
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /--jwks-url .* is plain http to a host that is not this machine/);
      assert.equal(proxy.requests.length, 0);
    });
  }

  it('--issuer http://127.attacker.test/: exit 2 (discovery would be in clear text)', async () => {
    const run = await refusedAtStartUp(
      listen('--auth', 'oauth2', '--issuer', 'http://127.attacker.test/', '--audience', V2_AUDIENCE),
    );
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /--issuer http:\/\/127\.attacker\.test\/ is plain http/);
  });

  it('an https issuer whose discovery names a plain-http jwks_uri: exit 2, the keys never fetched', async () => {
    const before = plainHits.length;
    const run = await refusedAtStartUp(
      listen('--auth', 'oauth2', '--issuer', `${leakyOrigin}/clear`, '--audience', V2_AUDIENCE),
    );
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /names jwks_uri http:\/\/keys\.attacker\.test:\d+\/keys, which is plain http/);
    assert.equal(plainHits.length, before);
  });

  it('a discovered plain-http jwks_uri on this machine is allowed', async () => {
    const served = await startListening(
      listen(
        ...['--auth', 'oauth2', '--issuer', `${leakyOrigin}/local`, '--audience', V2_AUDIENCE],
        ...['--max-requests', '1', '--json'],
      ),
    );
    // Nothing to verify with (the key set is empty): a 401, fetched from 127.0.0.1 directly.
    const token = await entra.sign({ iss: `${leakyOrigin}/local`, aud: V2_AUDIENCE });
    const answer = await post(served.url, { headers: { authorization: `Bearer ${token}` } });
    const done = await served.done;
    assert.equal(answer.status, 401);
    assert.equal(done.code, 0, done.stderr);
    assert.ok(plainHits.some((h) => h.endsWith('/keys')));
  });

  it('a *.localhost target is not exempt from the proxy', async () => {
    const run = await runMain(['send-sample', `http://hook.localhost:${plainPort}/hook`, '--json'], {
      env: { HTTP_PROXY: proxy.url },
    });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(proxy.requests.some((r) => r.startsWith(`http://hook.localhost:${plainPort}/`)));
    assert.equal((JSON.parse(run.stdout) as { proxy?: string }).proxy, proxy.url.replace(/\/$/, ''));
  });

  it('credentials in clear text to *.localhost are refused like any other name', async () => {
    const run = await runMain([
      'send-sample',
      `http://hook.localhost:${plainPort}/hook`,
      ...['--auth', 'bearer', '--token', 'token-for-clear-text-1'],
    ]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /refusing to send credentials in clear text to http:\/\/hook\.localhost/);
  });

  describe('tokens that never expire, or come from the future, are refused (401, reason in the log)', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const cases: Array<[string, () => Record<string, unknown>, RegExp]> = [
      ['no exp', () => ({ exp: undefined }), /no expiry \(exp\)/],
      ['iat a year ahead', () => ({ iat: now() + 365 * 86400 }), /issued in the future \(iat/],
      ['nbf an hour ahead', () => ({ nbf: now() + 3600 }), /not valid yet \(nbf/],
    ];
    it('each refused, while a proper token passes', async () => {
      const served = await startListening(
        listen(
          ...['--auth', 'oauth2', '--issuer', entra.v2, '--audience', V2_AUDIENCE, '--scope', ROLE],
          ...['--max-requests', String(cases.length + 1), '--json'],
        ),
      );
      const statuses: number[] = [];
      for (const [, claims] of cases) {
        const token = await entra.sign({ iss: entra.v2, aud: V2_AUDIENCE, roles: [ROLE], ...claims() });
        statuses.push((await post(served.url, { headers: { authorization: `Bearer ${token}` } })).status);
      }
      const good = await entra.sign({ iss: entra.v2, aud: V2_AUDIENCE, roles: [ROLE] });
      const passed = await post(served.url, {
        headers: { authorization: `Bearer ${good}`, 'content-type': 'application/json' },
        body: '{}',
      });
      const done = await served.done;
      assert.deepEqual(statuses, [401, 401, 401]);
      assert.notEqual(passed.status, 401);
      const entries = entriesOf(done.stdout).filter((e) => 'seq' in e);
      cases.forEach(([name, , reason], i) => {
        const auth = entries[i]!.auth as { ok: boolean; reason: string };
        assert.equal(auth.ok, false, name);
        assert.match(auth.reason, reason, name);
      });
    });
  });
});
