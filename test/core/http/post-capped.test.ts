import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Dispatcher } from 'undici';
import { createDeliveryAgent, createDeliveryLanes } from '../../../src/core/http/delivery-agent.js';
import { postCapped, postTarget, type CappedPost } from '../../../src/core/http/post-capped.js';
import { startRawServer, type RawServer } from '../../helpers/raw-server.js';
import { ROOT_CA_FILE, startReceiver } from '../../helpers/receiver.js';

const CA = readFileSync(ROOT_CA_FILE, 'utf8');

const post = (url: string): CappedPost => ({
  target: postTarget(new URL(url)),
  headers: { 'content-type': 'application/json' },
  body: '{"a":1}',
  timeoutMs: 2000,
  keepBytes: 64,
  drainBytes: 1024,
});

describe('postCapped reads an answer from the raw header list', () => {
  let agent: Dispatcher;
  const servers: RawServer[] = [];
  before(async () => {
    agent = await createDeliveryAgent({ ca: [CA], connections: 2, timeoutMs: 2000 });
  });
  after(async () => {
    await agent.destroy();
    await Promise.all(servers.map((s) => s.close()));
  });
  const answering = async (head: string, body: string) => {
    const server = await startRawServer((socket) =>
      socket.end(`${head}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`),
    );
    servers.push(server);
    return server;
  };

  it('Location and Content-Type in any case, the first of a repeated one, values as UTF-8', async () => {
    const server = await answering(
      'HTTP/1.1 302 Found\r\nX-Other: 1\r\nLOCATION: https://example.com/ünïcode\r\n' +
        'location: https://example.com/second\r\ncontent-TYPE: text/plain; charset=utf-8\r\n' +
        'Content-Type: application/json\r\nX-Location-Hint: no\r\n',
      'moved',
    );
    const result = await postCapped(agent, post(server.url));
    assert.ok(result.answered);
    assert.equal(result.answer.status, 302);
    assert.equal(result.answer.location, 'https://example.com/ünïcode');
    assert.equal(result.answer.contentType, 'text/plain; charset=utf-8');
    assert.equal(result.answer.text, 'moved');
  });

  it('an interim 1xx answer is not the answer', async () => {
    const server = await answering(
      'HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\nHTTP/1.1 201 Created\r\n',
      '{"ok":true}',
    );
    const result = await postCapped(agent, post(server.url));
    assert.ok(result.answered);
    assert.equal(result.answer.status, 201);
    assert.equal(result.answer.location, undefined);
    assert.equal(result.answer.text, '{"ok":true}');
  });

  it('keeps the first keepBytes of a long answer and drains the rest', async () => {
    const server = await answering('HTTP/1.1 200 OK\r\n', 'x'.repeat(500));
    const result = await postCapped(agent, post(server.url));
    assert.ok(result.answered);
    assert.equal(result.answer.text, 'x'.repeat(64));
    assert.equal(result.answer.bytes, 500);
    assert.equal(result.answer.abandoned, false);
  });

  it('a burst lane is its worker’s own connection, the same one for every request of that worker', async () => {
    const receiver = await startReceiver({ recordBodies: false });
    const lanes = await createDeliveryLanes({ ca: [CA], connections: 2, timeoutMs: 2000 }, receiver.origin);
    try {
      assert.equal(lanes.lane(0), lanes.lane(0));
      assert.notEqual(lanes.lane(0), lanes.lane(1));
      for (const worker of [0, 1, 0, 1, 0]) {
        const result = await postCapped(lanes.lane(worker), post(receiver.url));
        assert.ok(result.answered && result.answer.status === 200);
      }
      assert.equal(receiver.requests.length, 5);
      assert.equal(receiver.connections, 2);
    } finally {
      await lanes.destroy();
      await receiver.close();
    }
  });
});
