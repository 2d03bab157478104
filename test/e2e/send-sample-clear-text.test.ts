import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../helpers/run-cli.js';

/**
 * Plain http with credentials is for a handler on this machine only. These runs never send traffic
 * beyond loopback: a non-loopback target is an address literal, refused before any connection.
 */
describe('send-sample: credentials over plain http reach loopback addresses only (real CLI)', () => {
  let server: Server;
  let port = 0;
  const seen: Array<{ path: string; authorization?: string; body: string }> = [];
  before(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (d: string) => (body += d));
      req.on('end', () => {
        seen.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
        if (req.url === '/token') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              access_token: 'local-access-token-9d1e',
              token_type: 'Bearer',
              expires_in: 3600,
            }),
          );
        } else res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const bearer = ['--auth', 'bearer', '--token', 'clear-text-token-77ab'];

  for (const host of ['localhost', '127.0.0.1', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]']) {
    it(`http://${host} is this machine: the bearer token is delivered`, async () => {
      const before = seen.length;
      const run = await runCli(['send-sample', `http://${host}:${port}/hook`, ...bearer]);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(seen.length, before + 1);
      assert.equal(seen.at(-1)!.authorization, 'Bearer clear-text-token-77ab');
    });
  }

  it('an IPv4-mapped non-loopback address is refused before any connection, exit 2', async () => {
    const run = await runCli(['send-sample', 'http://[::ffff:10.0.0.1]:8081/hook', ...bearer]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(
      run.stderr,
      /^tc-webhook: refusing to send credentials in clear text to http:\/\/\[::ffff:a00:1\]:8081 \(url is plain http\)/,
    );
    assert.equal(run.stderr.trim().split('\n').length, 1);
  });

  it('the OAuth token endpoint follows the same rule: a mapped loopback address works', async () => {
    const before = seen.length;
    const run = await runCli([
      'send-sample',
      `http://localhost:${port}/hook`,
      '--auth',
      'oauth2',
      '--token-url',
      `http://[::ffff:127.0.0.1]:${port}/token`,
      '--client-id',
      'client-1',
      '--client-secret',
      'client-secret-3c0f',
      '--scope',
      'api://hook/.default',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(
      seen.slice(before).map((r) => [r.path, r.authorization]),
      [
        ['/token', undefined],
        ['/hook', 'Bearer local-access-token-9d1e'],
      ],
    );
    const refused = await runCli([
      'send-sample',
      `http://localhost:${port}/hook`,
      '--auth',
      'oauth2',
      '--token-url',
      'http://[::ffff:10.0.0.1]:8081/token',
      '--client-id',
      'client-1',
      '--client-secret',
      'client-secret-3c0f',
    ]);
    assert.equal(refused.code, 2);
    assert.match(
      refused.stderr,
      /refusing to send credentials in clear text to .* \(--token-url is plain http\)/,
    );
  });
});
