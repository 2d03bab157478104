import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { post } from '../helpers/https-post.js';
import { entriesOf, startListen, TLS_FLAGS } from '../helpers/listen-process.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const INVALID = JSON.stringify({ eventName: 'OrderIssuedByBuyer', orderEvent: { lines: 'not a list' } });

describe('listen answers: --forward-to, --respond, --reject-invalid, --max-requests, stopping', () => {
  let valid: string;
  const receivers: Receiver[] = [];
  before(async () => {
    valid = (await runCli(['sample', '--event', 'OrderIssuedByBuyer', '--seed', '3'])).stdout;
  });
  after(async () => {
    await Promise.all(receivers.map((r) => r.close()));
  });

  it('--forward-to relays body, Content-Type and Authorization; the endpoint answer becomes the answer', async () => {
    const receiver = await startReceiver({
      auth: { type: 'bearer', token: 'fwd-Secr3t' },
      respond: (_req, n) => ({
        status: n === 0 ? 202 : 500,
        body: `endpoint says ${n}`,
        headers: { 'content-type': 'text/plain' },
      }),
    });
    receivers.push(receiver);
    const listen = await startListen(
      [...TLS_FLAGS, '--auth', 'bearer', '--forward-to', receiver.url, '--ca', ROOT_CA_FILE, '--json'],
      { env: { TC_WEBHOOK_TOKEN: 'fwd-Secr3t' } },
    );
    const headers = { authorization: 'Bearer fwd-Secr3t', 'content-type': 'application/json; charset=utf-8' };
    const first = await post(listen.url, { headers, body: valid });
    const second = await post(listen.url, { headers, body: INVALID });
    const done = await listen.stop();
    assert.equal(first.status, 202);
    assert.equal(first.body, 'endpoint says 0');
    assert.equal(second.status, 500, 'an invalid delivery is still forwarded');
    assert.equal(receiver.requests.length, 2);
    assert.equal(receiver.requests[0]!.body, valid);
    assert.equal(receiver.requests[0]!.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(receiver.requests[0]!.headers.authorization, 'Bearer fwd-Secr3t');
    const entries = entriesOf(done.stdout);
    assert.deepEqual(
      entries.map((e) => [(e.forwarded as { status: number }).status, e.status, e.valid]),
      [
        [202, 202, true],
        [500, 500, false],
      ],
    );
    assert.equal((entries[0]!.forwarded as { url: string }).url, receiver.url);
    assert.equal(done.code, 1, 'an invalid delivery makes the exit code 1');
    assert.ok(!done.stdout.includes('fwd-Secr3t') && !done.stderr.includes('fwd-Secr3t'));
  });

  it('--forward-to an endpoint that is down: 502', async () => {
    const receiver = await startReceiver({});
    const url = receiver.url;
    await receiver.close();
    const listen = await startListen([...TLS_FLAGS, '--forward-to', url, '--ca', ROOT_CA_FILE, '--json']);
    const answer = await post(listen.url, { headers: { 'content-type': 'application/json' }, body: valid });
    const done = await listen.stop();
    assert.equal(answer.status, 502);
    const [entry] = entriesOf(done.stdout);
    assert.match(String((entry!.forwarded as { error: string }).error), /connection refused/);
  });

  it('--forward-to a self-signed endpoint without --ca: 502 (verification stays on)', async () => {
    const receiver = await startReceiver({ certificate: 'self-signed' });
    receivers.push(receiver);
    const listen = await startListen([...TLS_FLAGS, '--forward-to', receiver.url, '--json']);
    const answer = await post(listen.url, { headers: { 'content-type': 'application/json' }, body: valid });
    await listen.stop();
    assert.equal(answer.status, 502);
    assert.equal(receiver.requests.length, 0);
  });

  it('--forward-to plain http on another host with credentials: starts, saying credentials are removed', async () => {
    const listen = await startListen([
      ...TLS_FLAGS,
      ...['--auth', 'basic', '--username', 'u', '--password', 'p'],
      ...['--forward-to', 'http://example.com/hook'],
    ]);
    const done = await listen.stop();
    assert.match(
      done.stderr,
      /http:\/\/example\.com is plain http and not this machine: Authorization, Proxy-Authorization and Cookie are removed/,
    );
  });

  it('--respond 503,503,200 with send-sample --retry: delivered on the third attempt', async () => {
    const listen = await startListen([...TLS_FLAGS, '--respond', '503,503,200', '--json']);
    const send = await runCli([
      'send-sample',
      listen.url,
      '--ca',
      ROOT_CA_FILE,
      '--event',
      'OrderIssuedByBuyer',
      '--retry',
      '--retry-base-ms',
      '10',
      '--json',
    ]);
    const done = await listen.stop();
    assert.equal(send.code, 0, send.stdout);
    const request = (JSON.parse(send.stdout) as { requests: Array<{ attempts: number; outcome: string }> })
      .requests[0]!;
    assert.equal(request.attempts, 3);
    assert.equal(request.outcome, 'retried-then-delivered');
    assert.deepEqual(
      entriesOf(done.stdout).map((e) => e.status),
      [503, 503, 200],
    );
  });

  it('--respond counts only deliveries that reach the answer step (not 401s)', async () => {
    const listen = await startListen([
      ...TLS_FLAGS,
      '--auth',
      'bearer',
      '--token',
      't0k',
      '--respond',
      '201,202',
    ]);
    const statuses: number[] = [];
    for (const auth of ['Bearer wrong', 'Bearer t0k', 'Bearer wrong', 'Bearer t0k', 'Bearer t0k']) {
      statuses.push((await post(listen.url, { headers: { authorization: auth }, body: valid })).status);
    }
    await listen.stop();
    assert.deepEqual(statuses, [401, 201, 401, 202, 202]);
  });

  it('--reject-invalid: 400 with the errors as JSON; valid deliveries still 200', async () => {
    const listen = await startListen([...TLS_FLAGS, '--reject-invalid']);
    const bad = await post(listen.url, { headers: { 'content-type': 'application/json' }, body: INVALID });
    const good = await post(listen.url, { headers: { 'content-type': 'application/json' }, body: valid });
    const done = await listen.stop();
    assert.equal(bad.status, 400);
    const answer = JSON.parse(bad.body) as { errors: Array<{ path: string; message: string }> };
    assert.ok(
      answer.errors.some((e) => e.path === '/orderEvent/lines'),
      bad.body,
    );
    assert.equal(good.status, 200);
    // Human output: the invalid delivery's errors as validate prints them, under its line.
    assert.match(done.stdout, /#1 OrderIssuedByBuyer order JSON \d+ B invalid → 400/);
    assert.match(done.stdout, /\n {2}✗ \/orderEvent\/lines: .*\(#1:1:\d+\)/);
    assert.match(done.stdout, /#2 OrderIssuedByBuyer order JSON [\d.]+ KiB valid → 200/);
    assert.equal(done.code, 1);
    assert.match(done.stderr, /stopped: 2 requests; 2 deliveries, 1 valid, 1 invalid/);
  });

  it('--max-requests counts every answered request (405 and 401 too) and then exits', async () => {
    const listen = await startListen([
      ...TLS_FLAGS,
      '--auth',
      'bearer',
      '--token',
      't0k',
      '--max-requests',
      '3',
      '--json',
    ]);
    const get = await post(listen.url, { method: 'GET' });
    const unauthorized = await post(listen.url, { body: valid });
    const ok = await post(listen.url, { headers: { authorization: 'Bearer t0k' }, body: valid });
    const done = await listen.exited;
    assert.equal(get.status, 405);
    assert.equal(get.headers.allow, 'POST');
    assert.equal(unauthorized.status, 401);
    assert.equal(ok.status, 200);
    assert.equal(done.code, 0, 'auth failures and 405 do not make the exit code 1');
    assert.deepEqual(
      entriesOf(done.stdout).map((e) => e.status),
      [405, 401, 200],
    );
    assert.match(
      done.stderr,
      /stopped: 3 requests; 1 delivery, 1 valid, 0 invalid; 1 auth failure; 1 refused/,
    );
    assert.match(done.stderr, /OrderIssuedByBuyer: 1/);
  });

  it('SIGINT: summary on stderr with counts per event, exit 0 when nothing was invalid', async () => {
    const listen = await startListen([...TLS_FLAGS, '--json']);
    const send = await runCli([
      'send-sample',
      listen.url,
      '--ca',
      ROOT_CA_FILE,
      '--type',
      'shipment',
      '--all',
    ]);
    assert.equal(send.code, 0, send.stderr);
    const done = await listen.stop('SIGINT');
    assert.equal(done.code, 0);
    assert.match(done.stderr, /stopped: (\d+) requests; \1 deliveries, \1 valid, 0 invalid/);
    assert.match(done.stderr, /\n {2}ShipmentIssuedBySupplier: 1\n/);
    const entries = entriesOf(done.stdout);
    assert.deepEqual(Object.keys(entries[0]!).slice(0, 5), ['record', 'seq', 'receivedAt', 'method', 'path']);
    assert.equal(entries[0]!.type, 'shipment');
    assert.equal(entries[0]!.format, 'json');
    assert.equal(entries[0]!.forwarded, undefined);
    assert.equal(entries[0]!.savedAs, undefined);
  });

  it("--spec and --strict: the same policy as validate (the spec's enums are errors)", async () => {
    const payloads = `${ROOT}fixtures/specs/payloads/`;
    const listen = await startListen([
      ...TLS_FLAGS,
      '--spec',
      'fixtures/specs/swagger2-order.yaml',
      '--json',
    ]);
    for (const name of ['order-swagger2-valid.json', 'order-swagger2-invalid.json']) {
      const body = readFileSync(`${payloads}${name}`);
      assert.equal(
        (await post(listen.url, { headers: { 'content-type': 'application/json' }, body })).status,
        200,
      );
    }
    const done = await listen.stop();
    const [good, bad] = entriesOf(done.stdout);
    assert.equal(good!.valid, true, JSON.stringify(good!.errors));
    assert.equal(bad!.valid, false);
    const messages = (bad!.errors as Array<{ path: string; message: string }>).map(
      (e) => `${e.path} ${e.message}`,
    );
    assert.ok(
      messages.includes(
        '/orderEvent/lines/0/status must be one of the allowed values (Open, Shipped, Delivered), found the string "Lost"',
      ),
      messages.join('\n'),
    );
    assert.match(done.stderr, /schema fixtures\/specs\/swagger2-order\.yaml/);
    assert.equal(done.code, 1);
  });

  it('--type shipment: an order body is invalid', async () => {
    const listen = await startListen([...TLS_FLAGS, '--type', 'shipment', '--json']);
    await post(listen.url, { headers: { 'content-type': 'application/json' }, body: valid });
    const done = await listen.stop();
    const [entry] = entriesOf(done.stdout);
    assert.equal(entry!.type, 'shipment');
    assert.equal(entry!.valid, false);
  });
});
