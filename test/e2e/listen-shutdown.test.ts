import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { runMain, startMain } from '../helpers/run-main.js';

/** The NDJSON records listen printed. */
function recordsOf(
  stdout: string,
): Array<{ record: string; seq?: number; status?: number; requests?: number }> {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { record: string });
}

describe('listen stops cleanly', () => {
  it('a request answered during shutdown is in the summary as in the log', async () => {
    const run = startMain(['listen', '--http', '--port', '0', '--json', '--timeout', '1000']);
    await run.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+\//, 'stderr');
    const port = Number(/127\.0\.0\.1:(\d+)\//.exec(run.stderr)![1]);
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    // `Expect: 100-continue`: the 100 proves listen is handling the request before the body comes.
    socket.write(
      'POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n',
    );
    await new Promise<void>((resolve) => {
      let seen = '';
      socket.on('data', (d: Buffer) => {
        seen += d.toString();
        if (seen.includes('100 Continue')) resolve();
      });
    });
    socket.write('{"eventName":');
    run.interrupt();
    const { code, stdout, stderr } = await run.done;
    socket.destroy();
    assert.equal(code, 0, stderr);
    const records = recordsOf(stdout);
    const deliveries = records.filter((r) => r.record === 'delivery');
    assert.deepEqual(
      deliveries.map((r) => [r.seq, r.status]),
      [[1, 408]],
    );
    const summary = records.at(-1)!;
    assert.equal(summary.record, 'summary');
    assert.equal(summary.requests, 1, stdout);
    assert.match(stderr, /1 request/);
  });

  it('SIGTERM during start-up: stops, exit 0, no crash', async () => {
    let sent = false;
    const r = await runMain(['listen', '--http', '--port', '0', '--json'], {
      // SIGTERM the moment listen starts watching for it, before it listens.
      onTerminateListener: (listener) => {
        if (sent) return;
        sent = true;
        queueMicrotask(listener);
      },
    });
    assert.ok(sent, 'listen watches SIGTERM through the injected process');
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /internal error|Cannot destructure|\bat .+:\d+:\d+/);
    const records = recordsOf(r.stdout);
    assert.equal(records.at(-1)!.record, 'summary');
    assert.equal(records.at(-1)!.requests, 0);
  });

  it('SIGTERM stops api-mock through the injected process too', async () => {
    const run = startMain([
      'api-mock',
      '--http',
      '--port',
      '0',
      '--api-username',
      'user',
      '--api-password',
      'a-password-long-enough',
    ]);
    await run.waitFor(/listening on|http:\/\/127\.0\.0\.1:\d+/, 'stderr');
    run.terminate();
    const { code, stderr } = await run.done;
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /internal error|\bat .+:\d+:\d+/);
  });
});
