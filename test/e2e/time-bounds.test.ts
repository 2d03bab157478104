/**
 * --timeout is a bound and Ctrl-C stops every command at once. The process boundary is the subject
 * (signals, when the process ends), so these spawn the CLI. The endpoint is the worst kind: it
 * accepts TCP and never says a word, so every wait is a TLS handshake that never ends.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ROOT_CA_FILE } from '../helpers/receiver.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';

const sockets = new Set<Socket>();
const silent = createServer((socket) => {
  sockets.add(socket);
  socket.on('error', () => undefined);
  socket.on('close', () => sockets.delete(socket));
});
let url = '';
before(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(silent.address() as { port: number }).port}/hook`;
});
after(() => {
  for (const s of sockets) s.destroy();
  silent.close();
});

/** Runs the CLI and presses Ctrl-C once it has a connection open to the silent server. */
async function interruptedWhileConnected(args: string[]): Promise<CliRun & { afterInterruptMs: number }> {
  const before = sockets.size;
  let interruptedAt = 0;
  const run = await runCli(args, {
    onSpawn: (child: ChildProcess) => {
      const poll = setInterval(() => {
        if (sockets.size > before) {
          clearInterval(poll);
          interruptedAt = performance.now();
          child.kill('SIGINT');
        }
      }, 20);
      child.on('exit', () => clearInterval(poll));
    },
  });
  return { ...run, afterInterruptMs: performance.now() - interruptedAt };
}

/** No raw error codes, no stack traces. */
function assertClean(stderr: string): void {
  assert.doesNotMatch(stderr, /UND_ERR|ECONN|\bat .+:\d+:\d+|internal error/);
}

describe('Ctrl-C stops every command within a second (the silent endpoint, --timeout 30000)', () => {
  // The defect took the whole --timeout (about 30 s); 3 s leaves room for a loaded machine.
  const BOUND_MS = 3000;

  it('doctor during its TLS step: exit 130, the report says the TLS check was interrupted', async () => {
    const r = await interruptedWhileConnected(['doctor', url, '--yes', '--json', '--timeout', '30000']);
    assert.equal(r.code, 130, r.stderr);
    assert.ok(r.afterInterruptMs <= BOUND_MS, `ended ${Math.round(r.afterInterruptMs)} ms after Ctrl-C`);
    const report = JSON.parse(r.stdout) as {
      interrupted?: boolean;
      checks: Array<{ id: string; status: string; message: string }>;
    };
    assert.equal(report.interrupted, true);
    const tls = report.checks.find((k) => k.id === 'tls');
    assert.deepEqual(tls && [tls.status, tls.message], ['skip', 'not finished: interrupted']);
    assertClean(r.stderr);
  });

  it('validate --spec <url> while fetching: exit 130, one line, the interrupted error object', async () => {
    const r = await interruptedWhileConnected([
      'validate',
      'fixtures/payloads/valid',
      '--spec',
      url,
      '--timeout',
      '30000',
      '--json',
    ]);
    assert.equal(r.code, 130, r.stderr);
    assert.ok(r.afterInterruptMs <= BOUND_MS, `ended ${Math.round(r.afterInterruptMs)} ms after Ctrl-C`);
    assert.match(r.stderr, /^tc-webhook: interrupted while fetching the spec .*: nothing was validated\n$/);
    assert.equal((JSON.parse(r.stdout) as { error: { code: string } }).error.code, 'interrupted');
  });

  it('send-sample waiting for an in-flight request: exit 130 with its report', async () => {
    const r = await interruptedWhileConnected(['send-sample', url, '--timeout', '30000', '--json']);
    assert.equal(r.code, 130, r.stderr);
    assert.ok(r.afterInterruptMs <= BOUND_MS, `ended ${Math.round(r.afterInterruptMs)} ms after Ctrl-C`);
    assert.equal((JSON.parse(r.stdout) as { interrupted?: boolean }).interrupted, true);
    assertClean(r.stderr);
  });

  it('send-sample waiting for its OAuth token: exit 130, nothing sent', async () => {
    const r = await interruptedWhileConnected([
      'send-sample',
      'https://127.0.0.1:9/hook',
      '--auth',
      'oauth2',
      '--client-id',
      'client',
      '--client-secret',
      'a-client-secret-long-enough',
      '--token-url',
      url,
      '--ca',
      ROOT_CA_FILE,
      '--timeout',
      '30000',
    ]);
    assert.equal(r.code, 130, r.stderr);
    assert.ok(r.afterInterruptMs <= BOUND_MS, `ended ${Math.round(r.afterInterruptMs)} ms after Ctrl-C`);
    assert.match(r.stderr, /interrupted while getting a token from .*: nothing was sent/);
  });

  it('scenario: exit 130 with its report', async () => {
    const r = await interruptedWhileConnected(['scenario', url, '--yes', '--json', '--timeout', '30000']);
    assert.equal(r.code, 130, r.stderr);
    assert.ok(r.afterInterruptMs <= BOUND_MS, `ended ${Math.round(r.afterInterruptMs)} ms after Ctrl-C`);
    assert.equal((JSON.parse(r.stdout) as { interrupted?: boolean }).interrupted, true);
    assertClean(r.stderr);
  });

  it('check-tls: exit 130 (not death by signal), one line', async () => {
    const r = await interruptedWhileConnected(['check-tls', url, '--timeout', '30000']);
    assert.equal(r.code, 130, r.stderr);
    assert.ok(r.afterInterruptMs <= BOUND_MS, `ended ${Math.round(r.afterInterruptMs)} ms after Ctrl-C`);
    assert.match(r.stderr, /interrupted: the TLS check stopped before its result/);
  });
});

describe('--timeout bounds the whole request, and the process ends once the result is printed', () => {
  it('validate --spec <url> against a port that never speaks TLS: our words, ended right after', async () => {
    let printedAt = 0;
    let exitedAt = 0;
    const r = await runCli(['validate', 'fixtures/payloads/valid', '--spec', url, '--timeout', '2000'], {
      onSpawn: (child) => {
        child.stderr!.once('data', () => (printedAt = performance.now()));
        child.once('exit', () => (exitedAt = performance.now()));
      },
    });
    assert.equal(r.code, 2, r.stderr);
    assert.match(
      r.stderr,
      /the spec URL .* did not answer within 2000 ms\. Check the URL, or raise --timeout/,
    );
    assertClean(r.stderr);
    assert.ok(exitedAt - printedAt <= 1000, `lived ${Math.round(exitedAt - printedAt)} ms after printing`);
  });
});
