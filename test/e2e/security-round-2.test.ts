import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js';
import { post } from '../helpers/https-post.js';
import { entriesOf, TLS_FLAGS } from '../helpers/listen-process.js';
import { ROOT_CA_FILE, startReceiver, type Receiver, type ReceiverOptions } from '../helpers/receiver.js';
import { refusedAtStartUp, runMain, startListening } from '../helpers/run-main.js';

const CA = ['--ca', ROOT_CA_FILE];
const everything = (run: { stdout: string; stderr: string }) => `${run.stdout}\n${run.stderr}`;

/**
 * The base64 (and base64url) text of `secret` wherever it starts in encoded data: the characters
 * made of its bits alone, for each of the three byte alignments. None may appear in any output.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret);
  const cores: string[] = [];
  for (let before = 0; before < 3; before++) {
    const text = Buffer.concat([Buffer.alloc(before), bytes]).toString('base64');
    const core = text.slice(Math.ceil((8 * before) / 6), Math.floor((8 * (before + bytes.length)) / 6));
    cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

function assertNoLeak(output: string, ...secrets: string[]): void {
  for (const secret of secrets) {
    assert.ok(!output.includes(secret), `${secret} leaked:\n${output}`);
    for (const core of base64Cores(secret))
      assert.ok(!output.includes(core), `base64 of ${secret} (${core}) leaked:\n${output}`);
  }
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** A plain-http server recording the headers of each request. */
async function recordingServer(): Promise<{
  url: string;
  port: number;
  seen: IncomingHttpHeaders[];
  server: Server;
}> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createHttpServer((req, res) => {
    seen.push(req.headers);
    req
      .resume()
      .on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/`, port, seen, server };
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

describe('security, round 2 (real CLI, real servers on loopback)', () => {
  const receivers: Receiver[] = [];
  const servers: Server[] = [];
  let proxy: ForwardProxy;
  let upstream: Awaited<ReturnType<typeof recordingServer>>;
  let dir: string;
  const receiver = async (options: ReceiverOptions) => {
    const r = await startReceiver(options);
    receivers.push(r);
    return r;
  };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tc-webhook-security-'));
    upstream = await recordingServer();
    servers.push(upstream.server);
    proxy = await startForwardProxy({
      hosts: {
        'erp.lan': '127.0.0.1',
        'xn--bcher-kva.test': '127.0.0.1',
        'webhook.proxied.test': '127.0.0.1',
      },
    });
  });
  after(async () => {
    await Promise.all([...receivers.map((r) => r.close()), ...servers.map(close), proxy.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  describe('--forward-to: no credentials in clear text, no loops', () => {
    it('to a non-loopback plain-http target (through a proxy): Authorization and Cookie removed, said at start-up and per line', async () => {
      const served = await startListening(
        [
          ...['listen', '--port', '0', ...TLS_FLAGS, '--auth', 'none', '--json', '--max-requests', '1'],
          ...['--forward-to', `http://erp.lan:${upstream.port}/hook`],
        ],
        { env: { HTTP_PROXY: proxy.url } },
      );
      assert.match(served.stderr, /Authorization, Proxy-Authorization and Cookie are removed/);
      const before = upstream.seen.length;
      const answer = await post(served.url, {
        body: '{}',
        headers: {
          'content-type': 'application/json',
          authorization: 'Basic dXNlcjpzM2NyZXQtcGFzc3dvcmQ=',
          'proxy-authorization': 'Basic cHJveHk6cGFzcw==',
          cookie: 'session=abc123secret',
        },
      });
      const done = await served.done;
      assert.equal(answer.status, 200, done.stderr);
      const headers = upstream.seen[before]!;
      assert.equal(headers.authorization, undefined);
      assert.equal(headers['proxy-authorization'], undefined);
      assert.equal(headers.cookie, undefined);
      assert.equal(headers.via, '1.1 tc-webhook');
      assert.ok(proxy.requests.some((r) => r.startsWith(`http://erp.lan:${upstream.port}/`)));
      const [entry] = entriesOf(done.stdout).filter((e) => 'seq' in e);
      assert.equal((entry!.forwarded as { credentialsRemoved?: boolean }).credentialsRemoved, true);
    });

    it('to a loopback plain-http target: forwarded as received, with Via', async () => {
      const served = await startListening([
        ...['listen', '--port', '0', ...TLS_FLAGS, '--token', 'forwarded-token-7', '--max-requests', '1'],
        ...['--forward-to', `http://localhost:${upstream.port}/hook`],
      ]);
      const before = upstream.seen.length;
      await post(served.url, {
        body: '{}',
        headers: { 'content-type': 'application/json', authorization: 'Bearer forwarded-token-7' },
      });
      const done = await served.done;
      assert.equal(upstream.seen[before]!.authorization, 'Bearer forwarded-token-7');
      assert.equal(upstream.seen[before]!.via, '1.1 tc-webhook');
      assert.doesNotMatch(done.stderr, /are removed/);
    });

    it('--forward-to this listener itself, by any name: exit 2 at start-up', async () => {
      const port = await freePort();
      for (const host of ['localhost', '127.0.0.1']) {
        const run = await refusedAtStartUp([
          ...['listen', '--port', String(port), ...TLS_FLAGS],
          ...['--forward-to', `https://${host}:${port}/hook`],
        ]);
        assert.equal(run.code, 2, run.stderr);
        assert.match(run.stderr, /--forward-to https:\/\/\S+ is this listener itself/);
      }
    });

    it('a request that already came through tc-webhook is answered 508 and not forwarded', async () => {
      const served = await startListening([
        ...['listen', '--port', '0', ...TLS_FLAGS, '--max-requests', '1', '--json'],
        ...['--forward-to', `http://127.0.0.1:${upstream.port}/hook`],
      ]);
      const before = upstream.seen.length;
      const answer = await post(served.url, {
        body: '{}',
        headers: { 'content-type': 'application/json', via: '1.1 other-proxy, 1.1 tc-webhook' },
      });
      const done = await served.done;
      assert.equal(answer.status, 508);
      assert.equal(upstream.seen.length, before);
      assert.match(JSON.stringify(entriesOf(done.stdout)), /forwarding loop/);
    });
  });

  describe('one masker on every output path', () => {
    const USER = 'tradecloud';
    const PASSWORD = 'pa55-w0rd-long';
    const TOKEN = 'bearer-token-0123456789';

    it('--verbose: base64 of user:password and of the password at every alignment, echoed in headers', async () => {
      const r = await receiver({
        auth: { type: 'basic', username: USER, password: PASSWORD },
        respond: () => ({
          status: 200,
          headers: {
            'x-echo-a': b64(`${USER}:${PASSWORD}`),
            'x-echo-b': b64(`x${USER}:${PASSWORD}`),
            'x-echo-c': b64(`xy${PASSWORD}tail`),
            'x-echo-d': b64(`${PASSWORD}tail`),
          },
          body: `seen ${b64(`x${PASSWORD}`)}`,
        }),
      });
      const run = await runMain([
        ...['send-sample', r.url, ...CA, '--verbose', '--json'],
        ...['--username', USER, '--password', PASSWORD],
      ]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /^< x-echo-b: /m);
      assertNoLeak(everything(run), PASSWORD, `${USER}:${PASSWORD}`);
    });

    it('--json: a Location carrying base64("p" + token) is masked', async () => {
      const r = await receiver({
        auth: { type: 'bearer', token: TOKEN },
        respond: () => ({ redirect: `https://x.example/?s=${b64(`p${TOKEN}`)}`, status: 302 }),
      });
      const run = await runMain(['send-sample', r.url, ...CA, '--token', TOKEN, '--json']);
      assertNoLeak(everything(run), TOKEN);
      assert.match(run.stdout, /\*\*\*/);
    });

    it('an OAuth access token learnt at run time and base64 of client-id:secret, in --verbose', async () => {
      const ACCESS = 'access-token-learnt-at-run-time-42';
      const SECRET = 'client-secret-value-9';
      const tokens = createHttpServer((req, res) => {
        req.resume().on('end', () =>
          res
            .writeHead(200, {
              'content-type': 'application/json',
              'x-client': b64(`q tc-client:${SECRET}`),
              'x-issued': b64(`z${ACCESS}`),
            })
            .end(JSON.stringify({ access_token: ACCESS, token_type: 'Bearer', expires_in: 3600 })),
        );
      });
      await new Promise<void>((resolve) => tokens.listen(0, '127.0.0.1', resolve));
      servers.push(tokens);
      const r = await receiver({
        respond: () => ({ status: 200, headers: { 'x-seen': b64(`Bearer ${ACCESS}`) }, body: ACCESS }),
      });
      const run = await runMain([
        ...['send-sample', r.url, ...CA, '--verbose', '--json', '--client-id', 'tc-client'],
        ...['--client-secret', SECRET, '--scope', 'x/.default'],
        ...['--token-url', `http://127.0.0.1:${(tokens.address() as AddressInfo).port}/token`],
      ]);
      assert.equal(run.code, 0, run.stderr);
      assertNoLeak(everything(run), ACCESS, SECRET, `tc-client:${SECRET}`);
    });

    it("the proxy's user:password echoed in its answer to CONNECT is masked", async () => {
      const PROXY_PASSWORD = 'proxy-pass-word-5';
      const echoing = createNetServer((socket) => {
        socket.once('data', (data) => {
          const auth = /proxy-authorization: basic (\S+)/i.exec(data.toString())?.[1] ?? '';
          const decoded = Buffer.from(auth, 'base64').toString();
          const body = `you sent ${decoded} (${auth}) ${b64(`!${decoded}`)}`;
          socket.end(
            `HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="x"\r\nX-Echo: ${auth}\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
          );
        });
      });
      await new Promise<void>((resolve) => echoing.listen(0, '127.0.0.1', resolve));
      const port = (echoing.address() as AddressInfo).port;
      const run = await runMain([
        ...['send-sample', 'https://webhook.proxied.test/hook', '--verbose'],
        ...['--proxy', `http://proxy-user:${PROXY_PASSWORD}@127.0.0.1:${port}`],
      ]);
      await new Promise<void>((resolve) => echoing.close(() => resolve()));
      assert.equal(run.code, 2, run.stderr);
      assertNoLeak(everything(run), PROXY_PASSWORD, `proxy-user:${PROXY_PASSWORD}`);
    });

    it('a secret shorter than 8 characters: warned once; a header holding it in base64 is hidden whole', async () => {
      const SHORT = 'tok3n7';
      const r = await receiver({
        auth: { type: 'bearer', token: SHORT },
        respond: () => ({ status: 200, headers: { 'x-echo': b64(`p${SHORT}q`) } }),
      });
      const run = await runMain(['send-sample', r.url, ...CA, '--token', SHORT, '--verbose']);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stderr.match(/too short to be masked everywhere/g)?.length, 1, run.stderr);
      assert.match(run.stderr, /^< x-echo: \*\*\*$/m);
      assertNoLeak(everything(run), SHORT);
    });

    it("listen: a secret in a delivery never reaches the log or a saved file's name", async () => {
      const LISTEN_TOKEN = 'listen-token-abcdef12';
      const save = join(dir, 'saved');
      const served = await startListening([
        ...['listen', '--port', '0', ...TLS_FLAGS, '--token', LISTEN_TOKEN, '--json'],
        ...['--max-requests', '1', '--save', save],
      ]);
      await post(served.url, {
        body: JSON.stringify({ eventName: `Order${LISTEN_TOKEN}`, orderEvent: {} }),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${LISTEN_TOKEN}` },
      });
      const done = await served.done;
      assertNoLeak(everything(done), LISTEN_TOKEN);
      const files = readdirSync(save);
      assert.equal(files.length, 1);
      assertNoLeak(files.join('\n'), LISTEN_TOKEN);
    });

    it("the password of a --spec URL never appears (validate and listen's error lines)", async () => {
      const SPEC_PASSWORD = 'spec-pass-word-3';
      const url = `https://spec-user:${SPEC_PASSWORD}@127.0.0.1:1/spec.yaml`;
      const validate = await runMain(['validate', '--spec', url, 'fixtures']);
      assert.equal(validate.code, 2, validate.stderr);
      assert.match(validate.stderr, /--spec|spec/);
      assertNoLeak(everything(validate), SPEC_PASSWORD);
      const listen = await refusedAtStartUp(['listen', '--port', '0', ...TLS_FLAGS, '--spec', url]);
      assert.equal(listen.code, 2, listen.stderr);
      assertNoLeak(everything(listen), SPEC_PASSWORD);
    });
  });

  describe('overrides cannot reach outside the body', () => {
    it("--set '__proto__.proxy=…' is a usage error; nothing is sent, no proxy used", async () => {
      const r = await receiver({});
      for (const set of [
        `__proto__.proxy=${proxy.url}`,
        '__proto__.pins={}',
        'orderEvent.constructor.prototype.x=1',
      ]) {
        const before = proxy.connects.length + r.requests.length;
        const run = await runMain(['send-sample', r.url, ...CA, '--set', set]);
        assert.equal(run.code, 2, run.stderr);
        assert.match(run.stderr, /__proto__, constructor and prototype are refused/);
        assert.equal(proxy.connects.length + r.requests.length, before);
      }
    });

    it('an overlay key __proto__ is a usage error', async () => {
      const overlay = join(dir, 'proto.json');
      writeFileSync(overlay, '{"orderEvent": {"__proto__": {"polluted": true}}}');
      const run = await runMain(['sample', '--overlay', overlay]);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /--overlay .*proto\.json \(at orderEvent\.__proto__\)/);
      assert.equal(({} as { polluted?: boolean }).polluted, undefined);
    });
  });

  it("listen --host '': a usage error, never every interface", async () => {
    const run = await refusedAtStartUp(['listen', '--port', '0', ...TLS_FLAGS, '--host', '']);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /--host is empty/);
  });

  it('a malformed percent escape in a proxy URL: one line naming the flag or variable, password masked, exit 2', async () => {
    const bad = 'http://user:pa%zz-proxy-secret@127.0.0.1:9';
    const runs = await Promise.all([
      runMain(['send-sample', 'https://hook.example.test/', '--proxy', bad]),
      runMain(['check-tls', 'https://hook.example.test/'], { env: { HTTPS_PROXY: bad } }),
      runMain(['doctor', 'https://hook.example.test/', '--yes'], { env: { HTTPS_PROXY: bad } }),
      runMain(['validate', '--spec', 'https://hook.example.test/spec.yaml', 'fixtures'], {
        env: { HTTPS_PROXY: bad },
      }),
    ]);
    runs.forEach((run, i) => {
      assert.equal(run.code, 2, run.stderr);
      assert.match(
        run.stderr,
        i === 0 ? /--proxy .*malformed percent escape/ : /HTTPS_PROXY .*malformed percent escape/,
      );
      assert.doesNotMatch(run.stderr, /URI malformed|internal error/);
      assert.ok(!everything(run).includes('pa%zz-proxy-secret'));
    });
  });

  describe('NO_PROXY forms', () => {
    it('an IDN entry in any case with a trailing dot matches the punycode target', async () => {
      const before = proxy.requests.length;
      const run = await runMain(
        ['send-sample', `http://bücher.test:${upstream.port}/hook`, '--timeout', '3000'],
        {
          env: { HTTP_PROXY: proxy.url, NO_PROXY: 'other.test, BÜCHER.test.' },
        },
      );
      // Not proxied: straight to a name that resolves nowhere.
      assert.equal(run.code, 2, run.stderr);
      assert.equal(proxy.requests.length, before);
    });

    it('an unspecified address (0.0.0.0) is this machine: never proxied', async () => {
      const before = proxy.requests.length;
      const run = await runMain(['send-sample', `http://0.0.0.0:${upstream.port}/hook`, '--json'], {
        env: { HTTP_PROXY: proxy.url },
      });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(proxy.requests.length, before);
    });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
