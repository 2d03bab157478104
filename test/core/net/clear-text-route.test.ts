/**
 * The clear-text credential rule decides on resolved addresses. The resolver is injected, so names
 * can "resolve" anywhere without any traffic leaving this machine: a refused name is refused before
 * a connection is attempted, and the only connections made go to a local plain-http server.
 */
import assert from 'node:assert/strict';
import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { LookupAll } from '../../../src/core/net/clear-text-route.js';
import { testContext } from '../../helpers/command-context.js';
import { sendSampleCommand } from '../../../src/commands/send-sample.js';
import type { SendSampleOptions } from '../../../src/commands/options.js';
import {
  goesDirect,
  isLoopbackAddress,
  pinClearTextRoute,
  pinnedLookup,
  type PinnedHosts,
} from '../../../src/core/net/clear-text-route.js';
import { UsageError } from '../../../src/errors.js';

const v4 = (address: string): LookupAddress => ({ address, family: 4 });
const v6 = (address: string): LookupAddress => ({ address, family: 6 });

describe('credentials in clear text only to addresses of this machine', () => {
  it('loopback addresses, IPv4, IPv6 and IPv4-mapped IPv6', () => {
    for (const a of [
      '127.0.0.1',
      '127.8.9.10',
      '::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '0:0:0:0:0:0:0:1',
    ]) {
      assert.equal(isLoopbackAddress(a), true, a);
    }
    for (const a of [
      '10.0.0.1',
      '::ffff:10.0.0.1',
      '::ffff:a00:1',
      '0.0.0.0',
      '::',
      'fe80::1',
      'localhost',
      '',
    ]) {
      assert.equal(isLoopbackAddress(a), false, a);
    }
  });

  for (const [name, answer] of [
    ['a non-loopback IPv4 address', [v4('10.0.0.1')]],
    ['an IPv4-mapped non-loopback address', [v6('::ffff:10.0.0.1')]],
    ['a mix of loopback and non-loopback', [v4('127.0.0.1'), v4('10.0.0.1')]],
    ['loopback IPv4 but a non-loopback IPv6', [v4('127.0.0.1'), v6('2001:db8::1')]],
    ['no address at all', []],
  ] as const) {
    it(`a name resolving to ${name} is refused, and nothing is pinned`, async () => {
      const pins: PinnedHosts = new Map();
      const url = new URL('http://evil.localhost:8081/hook');
      await assert.rejects(
        pinClearTextRoute(url, {
          flag: 'url',
          sendsSecret: true,
          lookup: () => Promise.resolve([...answer]),
          pins,
        }),
        (error: unknown) =>
          error instanceof UsageError &&
          /^refusing to send credentials in clear text to http:\/\/evil\.localhost:8081 \(url is plain http\): evil\.localhost resolves to /.test(
            error.message,
          ),
      );
      assert.equal(pins.size, 0);
    });
  }

  it('every address loopback: the name is pinned to exactly those addresses', async () => {
    const pins: PinnedHosts = new Map();
    const answer = [v4('127.0.0.1'), v6('::1'), v6('::ffff:127.0.0.2')];
    await pinClearTextRoute(new URL('http://Dev.Localhost:8081/'), {
      flag: '--token-url',
      sendsSecret: true,
      lookup: () => Promise.resolve(answer),
      pins,
    });
    assert.deepEqual(pins.get('dev.localhost'), answer);
  });

  it('address literals are judged as written; https and requests without credentials are not checked', async () => {
    const pins: PinnedHosts = new Map();
    const never = (): Promise<LookupAddress[]> => assert.fail('no lookup expected');
    const check = (url: string, sendsSecret = true) =>
      pinClearTextRoute(new URL(url), { flag: 'url', sendsSecret, lookup: never, pins });
    await check('http://[::ffff:127.0.0.1]:8081/');
    await check('http://[::1]:8081/');
    await check('http://127.0.0.1:8081/');
    await check('https://evil.example/');
    await check('http://evil.example/', false);
    await assert.rejects(
      check('http://[::ffff:10.0.0.1]:8081/'),
      /: ::ffff:a00:1 is not an address of this machine/,
    );
    await assert.rejects(check('http://10.0.0.1/'), /: 10\.0\.0\.1 is not an address of this machine/);
    assert.equal(pins.size, 0);
  });

  it('a pinned name connects only to its checked addresses, whatever the family asked', () => {
    const pins: PinnedHosts = new Map([['dev.localhost', [v4('127.0.0.1'), v6('::1')]]]);
    const calls: string[] = [];
    const lookup = pinnedLookup(pins, (hostname) => calls.push(hostname));
    const results: unknown[] = [];
    lookup('dev.localhost', { all: true }, (_e, a) => results.push(a));
    lookup('DEV.localhost', { family: 6 }, (_e, a, f) => results.push([a, f]));
    lookup('dev.localhost', { family: 4, all: true }, (_e, a) => results.push(a));
    lookup('other.example', {}, () => undefined);
    assert.deepEqual(results, [[v4('127.0.0.1'), v6('::1')], ['::1', 6], [v4('127.0.0.1')]]);
    assert.deepEqual(calls, ['other.example']);
  });

  it('the proxy decision: plain http with credentials and loopback targets always go direct', () => {
    assert.equal(goesDirect(new URL('http://hook.example/'), true), true);
    assert.equal(goesDirect(new URL('http://hook.example/'), false), false);
    assert.equal(goesDirect(new URL('https://hook.example/'), true), false);
    assert.equal(goesDirect(new URL('https://127.0.0.1/'), false), true);
    assert.equal(goesDirect(new URL('https://[::1]/'), false), true);
  });
});

describe('send-sample with an injected resolver against a local plain-http server', () => {
  let server: Server;
  let port = 0;
  const received: Array<string | undefined> = [];
  before(async () => {
    server = createServer((req, res) => {
      received.push(req.headers.authorization);
      req.resume().on('end', () => res.writeHead(200).end('ok'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ctx = (lookup: LookupAll) => testContext({ deps: { lookup } });
  const options = (url: string): SendSampleOptions => ({
    url,
    all: false,
    format: 'json',
    files: [],
    count: 2,
    concurrency: 1,
    retry: false,
    maxRetries: 0,
    retryBaseMs: 0,
    dryRun: false,
    ca: [],
    timeoutMs: 5000,
    auth: 'bearer',
    token: 'bearer-secret-4f2a',
  });

  it('a name resolving outside this machine is refused before any connection', async () => {
    const before = received.length;
    await assert.rejects(
      sendSampleCommand(
        options(`http://localhost:${port}/hook`),
        ctx(() => Promise.resolve([v4('127.0.0.1'), v4('10.0.0.1')])),
      ),
      /refusing to send credentials in clear text .*resolves to 10\.0\.0\.1, not to this machine/,
    );
    assert.equal(received.length, before);
  });

  it('resolved once and pinned: a second, rebound answer is never used', async () => {
    const answers = [[v4('127.0.0.1')], [v4('10.0.0.1')]];
    let lookups = 0;
    const before = received.length;
    const report = await sendSampleCommand(
      options(`http://localhost:${port}/hook`),
      ctx(() => Promise.resolve(answers[Math.min(lookups++, 1)]!)),
    );
    assert.equal(report.ok, true);
    assert.equal(lookups, 1);
    assert.deepEqual(received.slice(before), ['Bearer bearer-secret-4f2a', 'Bearer bearer-secret-4f2a']);
  });
});
