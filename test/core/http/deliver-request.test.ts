import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Dispatcher } from 'undici';
import { deliverRequest, type DeliveryOptions } from '../../../src/core/http/deliver-request.js';
import { outgoingRequest } from '../../../src/core/http/send-attempt.js';
import { createDeliveryAgent } from '../../../src/core/http/delivery-agent.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../../helpers/receiver.js';

const CA = readFileSync(ROOT_CA_FILE, 'utf8');

describe('deliverRequest against a real HTTPS receiver', () => {
  let agent: Dispatcher;
  const receivers: Receiver[] = [];
  const sleeps: number[] = [];

  before(async () => {
    agent = await createDeliveryAgent({ ca: [CA], connections: 4, timeoutMs: 2000 });
  });
  after(async () => {
    await agent.destroy();
    await Promise.all(receivers.map((r) => r.close()));
  });

  const receiver = async (options: Parameters<typeof startReceiver>[0]) => {
    const r = await startReceiver(options);
    receivers.push(r);
    return r;
  };
  const options = (overrides: Partial<DeliveryOptions> = {}): DeliveryOptions => ({
    dispatcher: agent,
    timeoutMs: 2000,
    now: () => performance.now(),
    keepBytes: 2048,
    maskBody: (text) => text.replaceAll('sekret-token', '***'),
    maskMargin: 'sekret-token'.length,
    authorize: () => Promise.resolve('Bearer sekret-token'),
    retry: { enabled: true, maxRetries: 3, baseMs: 5, sleep: (ms) => Promise.resolve(void sleeps.push(ms)) },
    ...overrides,
  });
  const post = (url: string) =>
    outgoingRequest(new URL(url), { 'content-type': 'application/json' }, '{"a":1}');

  it('retries answers above 500 with doubling back-off until delivered', async () => {
    sleeps.length = 0;
    const r = await receiver({ statuses: [503, 502, 200] });
    const result = await deliverRequest(post(r.url), options());
    assert.equal(result.outcome, 'retried-then-delivered');
    assert.equal(result.attempts, 3);
    assert.equal(result.status, 200);
    assert.deepEqual(sleeps, [5, 10]);
    assert.equal(result.answeredMs.length, 3);
    assert.equal(r.requests.length, 3);
    assert.equal(r.requests[0]!.headers.authorization, 'Bearer sekret-token');
  });

  it('gives up after --max-retries', async () => {
    const r = await receiver({ statuses: [503] });
    const result = await deliverRequest(
      post(r.url),
      options({ retry: { ...options().retry, maxRetries: 2 } }),
    );
    assert.equal(result.outcome, 'gave-up');
    assert.equal(result.attempts, 3);
    assert.match(result.note!, /keep retrying/);
  });

  it('--retry-cap-ms stops the doubling; --max-retry-time starts no retry that would outlast it', async () => {
    const r = await receiver({ statuses: [503] });
    // A virtual clock that only the back-off moves: the bound is decided by the delays alone.
    let clock = 0;
    const waits: number[] = [];
    const sleep = (ms: number) => Promise.resolve(void (waits.push(ms), (clock += ms)));
    const capped = await deliverRequest(
      post(r.url),
      options({ now: () => clock, retry: { enabled: true, maxRetries: 4, baseMs: 10, capMs: 20, sleep } }),
    );
    assert.deepEqual(waits, [10, 20, 20, 20]);
    assert.equal(capped.attempts, 5);
    waits.length = 0;
    const bounded = await deliverRequest(
      post(r.url),
      options({
        now: () => clock,
        retry: { enabled: true, maxRetries: 10, baseMs: 10, capMs: 20, maxTimeMs: 35, sleep },
      }),
    );
    assert.deepEqual(waits, [10, 20]);
    assert.equal(bounded.attempts, 3);
    assert.equal(bounded.outcome, 'gave-up');
    assert.match(bounded.note!, /Tradecloud itself would keep retrying without end.*not published/);
  });

  it('never retries 500 or 4xx', async () => {
    for (const status of [500, 400, 404]) {
      const r = await receiver({ statuses: [status, 200] });
      const result = await deliverRequest(post(r.url), options());
      assert.equal(result.outcome, 'rejected', String(status));
      assert.equal(result.attempts, 1);
      assert.equal(r.requests.length, 1);
    }
  });

  it('masks a secret echoed in the response body before cutting it to 2 KiB', async () => {
    const echo = `${'x'.repeat(2040)}sekret-token`;
    const r = await receiver({ respond: () => ({ status: 400, body: echo }) });
    const result = await deliverRequest(post(r.url), options());
    assert.ok(!result.responseBody.includes('sekret'));
    assert.ok(Buffer.byteLength(result.responseBody) <= 2048);
  });

  it('reads only a bounded part of a huge answer', async () => {
    const r = await receiver({ respond: () => ({ status: 200, bodyBytes: 8 * 1024 * 1024 }) });
    const result = await deliverRequest(post(r.url), options());
    assert.equal(result.outcome, 'delivered');
    assert.equal(result.responseBody.length, 2048);
    assert.match(result.note!, /over 1 MiB/);
  });

  it('reports no answer within the timeout as a failure after connecting', async () => {
    const r = await receiver({ respond: () => ({ hang: true }) });
    const quick = await createDeliveryAgent({ ca: [CA], connections: 1, timeoutMs: 200 });
    try {
      const result = await deliverRequest(post(r.url), options({ dispatcher: quick, timeoutMs: 200 }));
      assert.equal(result.outcome, 'failed');
      assert.equal(result.status, null);
      assert.equal(result.stage, 'answer');
      assert.equal(result.note, 'no answer within 200 ms');
    } finally {
      await quick.destroy();
    }
  });

  it('tells connection and TLS failures apart from answers', async () => {
    const refused = await deliverRequest(post('https://127.0.0.1:1/'), options());
    assert.equal(refused.stage, 'connect');
    assert.equal(refused.note, 'connection refused');
    const selfSigned = await receiver({ certificate: 'self-signed' });
    const tls = await deliverRequest(post(selfSigned.url), options());
    assert.equal(tls.stage, 'tls');
    assert.match(tls.note!, /self-signed/);
    assert.equal(selfSigned.requests.length, 0);
  });

  it('does not follow redirects and keeps the Location', async () => {
    const r = await receiver({ respond: () => ({ redirect: 'https://127.0.0.1:9/elsewhere', status: 308 }) });
    const result = await deliverRequest(post(r.url), options());
    assert.equal(result.outcome, 'rejected');
    assert.equal(result.status, 308);
    assert.equal(result.location, 'https://127.0.0.1:9/elsewhere');
    assert.equal(r.requests.length, 1);
  });
});
