import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { after, describe, it } from 'node:test';
import { startRawServer, trickle, type RawServer } from '../helpers/raw-server.js';
import { ROOT_CA_FILE } from '../helpers/receiver.js';
import { runCli } from '../helpers/run-cli.js';

const CA = ['--ca', ROOT_CA_FILE];
/** A safety net for the test run, not an assertion about speed. */
const SAFETY = { killAfterMs: 20_000 };

interface Report {
  requests: Array<{ status: number | null; outcome: string; attempts: number; note?: string }>;
}

const head = (status: number, length: number) =>
  `HTTP/1.1 ${status} X\r\nContent-Type: text/plain\r\nContent-Length: ${length}\r\n\r\n`;

describe('send-sample against servers that break HTTP (raw TLS servers)', () => {
  const servers: RawServer[] = [];
  const server = async (behave: (socket: Socket, n: number) => void) => {
    const s = await startRawServer(behave);
    servers.push(s);
    return s;
  };
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('--timeout bounds the whole answer: a body trickled byte by byte is failed, exit 1', async () => {
    const s = await server((socket) => {
      socket.write(head(200, 600));
      trickle(socket, 'x'.repeat(600));
    });
    for (const json of [true, false]) {
      const run = await runCli(
        ['send-sample', s.url, ...CA, '--timeout', '500', ...(json ? ['--json'] : [])],
        SAFETY,
      );
      assert.equal(run.code, 1, run.stderr);
      if (json) {
        const report = JSON.parse(run.stdout) as Report;
        assert.equal(report.requests[0]!.status, 200);
        assert.equal(report.requests[0]!.outcome, 'failed');
        assert.equal(report.requests[0]!.note, 'answered 200, but the body did not finish within 500 ms');
      } else {
        assert.match(run.stdout, /answered 200, but the body did not finish within 500 ms/);
      }
    }
  });

  it('a trickled answer is retried under --retry only for a status above 500', async () => {
    const s503 = await server((socket) => {
      socket.write(head(503, 600));
      trickle(socket, 'x'.repeat(600));
    });
    const args = ['--timeout', '500', '--retry', '--max-retries', '1', '--retry-base-ms', '1', '--json'];
    const retried = await runCli(['send-sample', s503.url, ...CA, ...args], SAFETY);
    assert.equal(retried.code, 1, retried.stderr);
    const again = (JSON.parse(retried.stdout) as Report).requests[0]!;
    assert.deepEqual([again.status, again.attempts, again.outcome], [503, 2, 'gave-up']);
    assert.equal(s503.requests, 2);

    const s200 = await server((socket) => {
      socket.write(head(200, 600));
      trickle(socket, 'x'.repeat(600));
    });
    const once = await runCli(['send-sample', s200.url, ...CA, ...args], SAFETY);
    assert.equal(once.code, 1, once.stderr);
    const single = (JSON.parse(once.stdout) as Report).requests[0]!;
    assert.deepEqual([single.status, single.attempts, single.outcome], [200, 1, 'failed']);
    assert.equal(s200.requests, 1);
  });

  it('status line and headers trickled past --timeout: no answer at all, exit 2', async () => {
    const s = await server((socket) => trickle(socket, head(200, 2) + 'ok'));
    const run = await runCli(['send-sample', s.url, ...CA, '--timeout', '500'], SAFETY);
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /accepted the connection but gave no answer within 500 ms/);
  });

  it('doctor does not hang on a trickled body either: the delivery fails, exit 1', async () => {
    const s = await server((socket) => {
      socket.write(head(200, 600));
      trickle(socket, 'x'.repeat(600));
    });
    const run = await runCli(
      ['doctor', s.url, ...CA, '--yes', '--timeout', '500', '--events', 'OrderIssuedByBuyer', '--json'],
      SAFETY,
    );
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { deliveries: Array<{ outcome: string; note?: string }> };
    assert.equal(report.deliveries[0]!.outcome, 'failed');
    assert.match(report.deliveries[0]!.note ?? '', /body did not finish within 500 ms/);
  });

  it('a server that closes in the middle of the body: the answer started, so failed, exit 1', async () => {
    const s = await server((socket) => {
      socket.write(`${head(200, 100)}partial`);
      setTimeout(() => socket.destroy(), 50);
    });
    const run = await runCli(['send-sample', s.url, ...CA, '--json'], SAFETY);
    assert.equal(run.code, 1, run.stderr);
    const record = (JSON.parse(run.stdout) as Report).requests[0]!;
    assert.equal(record.outcome, 'failed');
    assert.equal(record.note, 'answered 200, then closed the connection in the middle of the body');
  });

  for (const [what, reply, expected] of [
    [
      'oversized headers',
      `HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(100_000)}\r\nContent-Length: 2\r\n\r\nok`,
      /gave no usable answer: the answer headers are larger than 16 KiB/,
    ],
    [
      'an unsolicited 100 Continue',
      'HTTP/1.1 100 Continue\r\n\r\n',
      /gave no usable answer: the server sent an answer nobody asked for \(an unsolicited 100 Continue/,
    ],
    [
      'an unrequested 101 Switching Protocols',
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n',
      /gave no usable answer: the server switched protocols \(101\)/,
    ],
    [
      'a close without a word',
      '',
      /gave no usable answer: the server closed the connection without answering/,
    ],
    ['bytes that are not HTTP', 'HELLO\r\n\r\n', /gave no usable answer: the answer is not valid HTTP\/1\.1/],
  ] as const) {
    it(`${what}: exit 2, and the message names it instead of a timeout`, async () => {
      const s = await server((socket) => socket.end(reply));
      const run = await runCli(['send-sample', s.url, ...CA, '--timeout', '5000'], SAFETY);
      assert.equal(run.code, 2, run.stderr);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, expected);
      assert.doesNotMatch(run.stderr, /within 5000 ms/);
      assert.equal(run.stderr.trim().split('\n').length, 1);
    });
  }

  it('a bearer token HTTP cannot carry is a usage error before anything is sent', async () => {
    const s = await server((socket) => socket.end(head(200, 0)));
    for (const token of ['tökén-secret', 'token\r\nX-Injected: 1']) {
      const run = await runCli(['send-sample', s.url, ...CA, '--auth', 'bearer', '--token', token]);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(
        run.stderr,
        /^tc-webhook: --token \(or TC_WEBHOOK_TOKEN\) contains a (non-ASCII|control) character/,
      );
      assert.ok(!run.stderr.includes('tökén') && !run.stderr.includes('X-Injected'));
    }
    // Basic credentials are base64-encoded: a non-ASCII password is fine.
    const basic = await runCli([
      'send-sample',
      s.url,
      ...CA,
      '--auth',
      'basic',
      '--username',
      'u',
      '--password',
      'pässwörd',
    ]);
    assert.equal(basic.code, 0, basic.stderr);
    assert.equal(s.connections, 1);
  });
});
