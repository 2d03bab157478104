import assert from 'node:assert/strict';
import { connect } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { NetworkError } from '../../../src/errors.js';
import { openTunnel } from '../../../src/core/proxy/open-tunnel.js';
import { parseProxyUrl } from '../../../src/core/net/select-proxy.js';
import { startForwardProxy, type ForwardProxy } from '../../helpers/forward-proxy.js';
import { cert, startTlsServer, type RunningServer } from '../../helpers/tls-servers.js';

const HOST = 'webhook.proxied.test';

describe('openTunnel', () => {
  let server: RunningServer;
  let proxy: ForwardProxy;
  before(async () => {
    server = await startTlsServer({ key: 'proxied.key', cert: 'proxied-chain.pem' });
    proxy = await startForwardProxy({ hosts: { [HOST]: '127.0.0.1' }, auth: { user: 'u', password: 'p w' } });
  });
  after(async () => {
    await server.close();
    await proxy.close();
  });

  it('tunnels a verifying TLS handshake to a name only the proxy resolves', async () => {
    const endpoint = parseProxyUrl(`http://u:p%20w@127.0.0.1:${proxy.port}`, '--proxy');
    const socket = await openTunnel(endpoint, HOST, server.port, { timeoutMs: 5000 });
    const peer = await new Promise<string>((resolve, reject) => {
      const tls = connect({ socket, servername: HOST, ca: readFileSync(cert('root-ca.pem')) }, () => {
        const subject = String(tls.getPeerCertificate().subject.CN);
        tls.destroy();
        resolve(subject);
      });
      tls.once('error', reject);
    });
    assert.equal(peer, HOST);
    assert.deepEqual(proxy.connects, [`${HOST}:${server.port}`]);
  });

  it('names a missing or wrong proxy password, never the password', async () => {
    const none = parseProxyUrl(`http://127.0.0.1:${proxy.port}`, '--proxy');
    await assert.rejects(openTunnel(none, HOST, server.port, { timeoutMs: 5000 }), (error: unknown) => {
      assert.ok(error instanceof NetworkError);
      assert.match(error.message, /requires authentication \(407\) and no proxy credentials were given/);
      return true;
    });
    const wrong = parseProxyUrl(`http://u:s3cret-wrong@127.0.0.1:${proxy.port}`, '--proxy');
    await assert.rejects(openTunnel(wrong, HOST, server.port, { timeoutMs: 5000 }), (error: unknown) => {
      assert.ok(error instanceof NetworkError);
      assert.match(error.message, /refused the proxy credentials \(407\)/);
      assert.doesNotMatch(`${error.message} ${error.hint}`, /s3cret-wrong/);
      return true;
    });
  });

  it('names a proxy that speaks only NTLM or Negotiate', async () => {
    const ntlm = await startForwardProxy({ onlySchemes: ['NTLM', 'Negotiate'] });
    try {
      const endpoint = parseProxyUrl(`http://u:p@127.0.0.1:${ntlm.port}`, '--proxy');
      await assert.rejects(
        openTunnel(endpoint, HOST, 443, { timeoutMs: 5000 }),
        /asks for NTLM or Negotiate authentication/,
      );
    } finally {
      await ntlm.close();
    }
  });

  it('names a refused CONNECT and an unreachable proxy', async () => {
    const strict = await startForwardProxy({ hosts: { [HOST]: '127.0.0.1' }, connectPorts: [443] });
    try {
      const endpoint = parseProxyUrl(`http://127.0.0.1:${strict.port}`, '--proxy');
      await assert.rejects(
        openTunnel(endpoint, HOST, 8443, { timeoutMs: 5000 }),
        /the proxy http:\/\/127\.0\.0\.1:\d+ refused to connect to webhook\.proxied\.test:8443 \(403 Forbidden\)/,
      );
    } finally {
      await strict.close();
    }
    const closed = await startForwardProxy();
    await closed.close(); // nothing listens on its port any more
    const closedPort = closed.port;
    const gone = parseProxyUrl(`http://127.0.0.1:${closedPort}`, '--proxy');
    await assert.rejects(
      openTunnel(gone, HOST, 443, { timeoutMs: 5000 }),
      /cannot reach the proxy http:\/\/127\.0\.0\.1:\d+/,
    );
  });
});
