import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ROOT_CA_FILE } from '../helpers/receiver.js';
import { runMain } from '../helpers/run-main.js';

/**
 * A proxy that answers CONNECT with 200 and then sends bytes of its own (a body, a banner) before
 * the endpoint could have said anything: every command that tunnels through it names the proxy as
 * the fault (exit 2), never the endpoint as "not speaking TLS".
 */
describe('a proxy that sends a body with its 200 answer to CONNECT', () => {
  let server: Server;
  let port: number;
  const sockets = new Set<Socket>();
  const connects: string[] = [];
  before(async () => {
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      let head = '';
      const onData = (chunk: Buffer) => {
        head += chunk.toString('latin1');
        if (!head.includes('\r\n\r\n')) return;
        socket.off('data', onData);
        connects.push(head.split(' ')[1] ?? '');
        // One write: the junk arrives with the answer's header block, before any TLS.
        socket.write('HTTP/1.1 200 Connection established\r\n\r\nhello');
        socket.resume();
      };
      socket.on('data', onData);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  const target = 'https://webhook.proxied.test:8443/webhook';
  const proxyUrl = () => `http://alice:s3cret-pw@127.0.0.1:${port}`;
  const namesTheProxy = (run: { code: number; stdout: string; stderr: string }) => {
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(
      run.stderr,
      new RegExp(
        `the proxy http://127\\.0\\.0\\.1:${port} answered CONNECT to webhook\\.proxied\\.test:8443 with 200 and then sent 5 bytes of its own`,
      ),
    );
    assert.doesNotMatch(run.stdout + run.stderr, /Tradecloud would refuse it too|does not speak TLS/i);
    assert.ok(!(run.stdout + run.stderr).includes('s3cret-pw'), 'never the proxy password');
  };

  it('check-tls', async () => {
    namesTheProxy(
      await runMain(['check-tls', target, '--ca', ROOT_CA_FILE, '--timeout', '3000'], {
        env: { HTTPS_PROXY: proxyUrl() },
      }),
    );
  });

  it('send-sample', async () => {
    namesTheProxy(
      await runMain([
        'send-sample',
        target,
        '--ca',
        ROOT_CA_FILE,
        '--proxy',
        proxyUrl(),
        '--timeout',
        '3000',
      ]),
    );
  });

  it('doctor', async () => {
    namesTheProxy(
      await runMain(['doctor', target, '--ca', ROOT_CA_FILE, '--timeout', '3000', '--yes'], {
        env: { HTTPS_PROXY: proxyUrl() },
      }),
    );
  });

  it('validate --spec through the proxy', async () => {
    const run = await runMain(
      [
        'validate',
        '--spec',
        'https://webhook.proxied.test:8443/openapi.yaml',
        '--timeout',
        '3000',
        'fixtures/payloads/valid',
      ],
      {
        env: { HTTPS_PROXY: proxyUrl() },
      },
    );
    namesTheProxy(run);
  });
});
