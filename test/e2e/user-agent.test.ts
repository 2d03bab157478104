import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { post } from '../helpers/https-post.js';
import { startListen, TLS_FLAGS } from '../helpers/listen-process.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { ROOT } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

const { version } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string };
const receivers: Receiver[] = [];
after(() => Promise.all(receivers.map((r) => r.close())));

describe('User-Agent: tc-webhook/<version> on every request', () => {
  it('send-sample deliveries, and what listen forwards', async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const run = await runMain(['send-sample', receiver.url, '--ca', ROOT_CA_FILE, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const listen = await startListen([...TLS_FLAGS, '--forward-to', receiver.url, '--ca', ROOT_CA_FILE]);
    const body = readFileSync(`${ROOT}fixtures/payloads/valid/order-event.json`);
    assert.equal(
      (await post(listen.url, { headers: { 'content-type': 'application/json' }, body })).status,
      200,
    );
    await listen.stop();
    assert.equal(receiver.requests.length, 2);
    for (const request of receiver.requests)
      assert.equal(request.headers['user-agent'], `tc-webhook/${version}`);
  });
});
