import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { startListen } from '../helpers/listen-process.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

/**
 * Every network command through a real forward proxy with Basic proxy authentication. The target's
 * name, webhook.proxied.test, resolves only through the proxy: a command that bypasses the proxy
 * fails instead of passing by accident.
 */
const HOST = 'webhook.proxied.test';
const PASSWORD = 'pr0xy p@ss:wörd';

describe('through a forward proxy', () => {
  let receiver: Receiver;
  let proxy: ForwardProxy;
  let target: string;
  let proxyUrl: string;
  before(async () => {
    receiver = await startReceiver({ certificate: 'proxied', auth: { type: 'bearer', token: 'tok-123' } });
    proxy = await startForwardProxy({
      hosts: { [HOST]: '127.0.0.1' },
      auth: { user: 'alice', password: PASSWORD },
    });
    target = `https://${HOST}:${receiver.port}/webhook`;
    proxyUrl = `http://alice:${encodeURIComponent(PASSWORD)}@127.0.0.1:${proxy.port}`;
  });
  after(async () => {
    await receiver.close();
    await proxy.close();
  });
  const run = (args: string[], env: Record<string, string | undefined> = {}) =>
    runCli(args, { env, killAfterMs: 30_000 });
  /** `command` to the target with the bearer token the receiver wants, trusting the fixture CA. */
  const withToken = (command: 'send-sample' | 'doctor', ...more: string[]) => [
    command,
    target,
    '--ca',
    ROOT_CA_FILE,
    '--auth',
    'bearer',
    '--token',
    'tok-123',
    ...more,
  ];
  const neverShowsPassword = (output: string) => {
    for (const form of [
      PASSWORD,
      encodeURIComponent(PASSWORD),
      Buffer.from(`alice:${PASSWORD}`).toString('base64'),
    ]) {
      assert.ok(!output.includes(form), `the proxy password leaked as ${form}`);
    }
  };

  it('without the proxy the name does not resolve (the test cannot pass by accident)', async () => {
    const direct = await run(['check-tls', target, '--ca', ROOT_CA_FILE]);
    assert.equal(direct.code, 2, direct.stderr);
  });

  it('check-tls tunnels every handshake through HTTPS_PROXY and names the proxy', async () => {
    const result = await run(['check-tls', target, '--ca', ROOT_CA_FILE, '--json'], {
      HTTPS_PROXY: proxyUrl,
    });
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      proxy?: string;
      certificate: { subject: string };
    };
    assert.equal(report.proxy, `http://127.0.0.1:${proxy.port}`);
    assert.match(report.certificate.subject, /webhook\.proxied\.test/);
    assert.ok(proxy.connects.every((c) => c === `${HOST}:${receiver.port}`));
    neverShowsPassword(result.stdout + result.stderr);
    const human = await run(['check-tls', target, '--ca', ROOT_CA_FILE], { https_proxy: proxyUrl });
    assert.equal(human.code, 0, human.stderr);
    assert.match(
      human.stdout,
      /through the proxy http:\/\/127\.0\.0\.1:\d+; certificate issuer seen: .*Intermediate/,
    );
    neverShowsPassword(human.stdout + human.stderr);
  });

  it('send-sample delivers through --proxy, with the bearer token end to end', async () => {
    const before = receiver.requests.length;
    const result = await run(withToken('send-sample', '--count', '3', '--proxy', proxyUrl, '--json'));
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      proxy?: string;
      summary: { delivered: number };
    };
    assert.equal(report.proxy, `http://127.0.0.1:${proxy.port}`);
    assert.equal(report.summary.delivered, 3);
    assert.equal(receiver.requests.length - before, 3);
    neverShowsPassword(result.stdout + result.stderr);
  });

  it('--verbose shows the tunnel, never the proxy password', async () => {
    const result = await run(withToken('send-sample', '--proxy', proxyUrl, '--verbose'));
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stderr,
      /\* CONNECT webhook\.proxied\.test:\d+ through the proxy http:\/\/127\.0\.0\.1:\d+/,
    );
    assert.match(result.stderr, /> authorization: Bearer \*\*\*/);
    neverShowsPassword(result.stdout + result.stderr);
  });

  it('doctor runs every request through the proxy', async () => {
    const result = await run(withToken('doctor', '--events', 'OrderIssuedByBuyer', '--yes', '--json'), {
      HTTPS_PROXY: proxyUrl,
    });
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as {
      proxy?: string;
      checks: Array<{ id: string; status: string }>;
    };
    assert.equal(report.proxy, `http://127.0.0.1:${proxy.port}`);
    neverShowsPassword(result.stdout + result.stderr);
  });

  it('NO_PROXY bypasses it (and the name then does not resolve), --proxy "" turns it off', async () => {
    const bypassed = await run(['check-tls', target, '--ca', ROOT_CA_FILE], {
      HTTPS_PROXY: proxyUrl,
      NO_PROXY: '.proxied.test',
    });
    assert.equal(bypassed.code, 2, bypassed.stderr);
    const off = await run(['check-tls', target, '--ca', ROOT_CA_FILE, '--proxy', ''], {
      HTTPS_PROXY: proxyUrl,
    });
    assert.equal(off.code, 2, off.stderr);
  });

  it('a wrong or missing proxy password is one line, exit 2, naming the proxy and never the password', async () => {
    const wrong = `http://alice:wrong-${encodeURIComponent(PASSWORD)}@127.0.0.1:${proxy.port}`;
    for (const args of [
      ['check-tls', target, '--ca', ROOT_CA_FILE, '--proxy', wrong],
      ['send-sample', target, '--ca', ROOT_CA_FILE, '--proxy', wrong],
    ]) {
      const result = await run(args);
      assert.equal(result.code, 2, result.stderr);
      assert.match(
        result.stderr,
        /^tc-webhook: the proxy http:\/\/127\.0\.0\.1:\d+ refused the proxy credentials \(407\)/,
      );
      assert.equal(result.stderr.trim().split('\n').length, 1);
      neverShowsPassword(result.stdout + result.stderr);
      assert.ok(!result.stderr.includes('wrong-'), 'no part of the password');
    }
    const missing = await run([
      'send-sample',
      target,
      '--ca',
      ROOT_CA_FILE,
      '--proxy',
      `http://127.0.0.1:${proxy.port}`,
    ]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /requires authentication \(407\) and no proxy credentials were given/);
  });

  it('an unreachable proxy and a proxy speaking only NTLM are named', async () => {
    const closed = await startForwardProxy();
    await closed.close();
    const unreachable = await run(['send-sample', target, '--proxy', `http://127.0.0.1:${closed.port}`]);
    assert.equal(unreachable.code, 2);
    assert.match(unreachable.stderr, /cannot reach the proxy http:\/\/127\.0\.0\.1:\d+: connection refused/);
    const ntlm = await startForwardProxy({ onlySchemes: ['NTLM', 'Negotiate'] });
    try {
      const result = await run(['check-tls', target, '--proxy', `http://u:p@127.0.0.1:${ntlm.port}`]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /asks for NTLM or Negotiate authentication \(407\).*cntlm or px/);
    } finally {
      await ntlm.close();
    }
  });

  it('validate --spec fetches an http:// spec URL through HTTP_PROXY (absolute form)', async () => {
    const spec = readFileSync(join(ROOT, 'src/schemas/order-webhook.yaml'));
    const server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/yaml' }).end(spec),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const url = `http://${HOST}:${port}/order-webhook.yaml`;
      const result = await run(['validate', 'fixtures/payloads/valid/order-event.json', '--spec', url], {
        HTTP_PROXY: proxyUrl,
      });
      assert.equal(result.code, 0, result.stderr);
      assert.ok(proxy.requests.includes(url), 'fetched through the proxy');
      neverShowsPassword(result.stdout + result.stderr);
      const wrong = await run(['validate', 'fixtures/payloads/valid/order-event.json', '--spec', url], {
        HTTP_PROXY: `http://alice:nope@127.0.0.1:${proxy.port}`,
      });
      assert.equal(wrong.code, 2);
      assert.match(wrong.stderr, /the proxy http:\/\/127\.0\.0\.1:\d+ refused the proxy credentials \(407\)/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('listen --forward-to relays through the proxy', async () => {
    const before = receiver.requests.length;
    const listen = await startListen([
      '--http',
      '--forward-to',
      target,
      '--ca',
      ROOT_CA_FILE,
      '--proxy',
      proxyUrl,
      '--json',
    ]);
    try {
      const sent = await run(['send-sample', listen.url, '--event', 'OrderIssuedByBuyer']);
      assert.equal(sent.code, 1, sent.stderr); // the receiver wants a bearer token: 401 relayed back
      assert.equal(receiver.requests.length - before, 1, 'relayed once');
    } finally {
      const done = await listen.stop();
      neverShowsPassword(done.stdout + done.stderr);
    }
  });

  it('loopback targets are never proxied', async () => {
    const local = await startReceiver({});
    try {
      const before = proxy.connects.length;
      const result = await run(['send-sample', local.url, '--ca', ROOT_CA_FILE, '--json'], {
        HTTPS_PROXY: proxyUrl,
      });
      assert.equal(result.code, 0, result.stderr);
      assert.equal((JSON.parse(result.stdout) as { proxy?: string }).proxy, undefined);
      assert.equal(proxy.connects.length, before);
    } finally {
      await local.close();
    }
  });
});
