/**
 * Host names, ports and --servername are checked before any connection, for check-tls, doctor and
 * send-sample: one line on stderr, exit 2, and never the whole of a giant argument echoed back.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/run-cli.js';

const GIANT = `${'a'.repeat(70_000)}.example.com`;
const LONG_LABEL = `${'b'.repeat(64)}.example.com`;
const LONG_NAME = `${Array.from({ length: 26 }, () => 'abcdefghi').join('.')}.com`; // 263 characters

function usageError(run: { code: number | null; stdout: string; stderr: string }, message: RegExp) {
  assert.equal(run.code, 2, run.stderr);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr.slice(0, 400));
  assert.ok(run.stderr.length < 400, `a short line, not ${run.stderr.length} characters`);
  assert.match(run.stderr, message);
  assert.doesNotMatch(run.stderr, /internal error|connection refused|cannot resolve/);
}

describe('network arguments are checked up front (exit 2, one line)', () => {
  it('check-tls: --servername empty, with spaces, an IP address, too long', async () => {
    for (const [sni, message] of [
      ['', /--servername is empty\. Give the DNS name/],
      ['  ', /--servername is empty/],
      ['hooks example.com', /--servername "hooks example\.com" is not a valid DNS name/],
      ['127.0.0.1', /--servername 127\.0\.0\.1 is an IP address, and SNI carries only DNS names/],
      ['::1', /--servername ::1 is an IP address/],
      [LONG_LABEL, /--servername ".*" has a label of 64 characters/],
      [LONG_NAME, /--servername ".*" is 263 characters long, and a DNS name has at most 253/],
    ] as const) {
      usageError(await runCli(['check-tls', '127.0.0.1:1', '--servername', sni]), message);
    }
  });

  it('check-tls: port 0 and giant host names', async () => {
    usageError(
      await runCli(['check-tls', 'https://127.0.0.1:0/hook']),
      /the target: port 0 is not a port a server can listen on\. Give the port/,
    );
    usageError(await runCli(['check-tls', 'localhost:0']), /port 0/);
    usageError(
      await runCli(['check-tls', `https://${GIANT}/`]),
      /the target: the host name "a{60}… \(70012 characters\)" is 70012 characters long, and a DNS name has at most 253/,
    );
    usageError(await runCli(['check-tls', LONG_LABEL]), /has a label of 64 characters/);
  });

  it('doctor: the same checks, before anything is sent', async () => {
    usageError(
      await runCli(['doctor', 'https://127.0.0.1:1/hook', '--yes', '--servername', '']),
      /--servername is empty/,
    );
    usageError(await runCli(['doctor', 'https://127.0.0.1:0/hook', '--yes']), /port 0/);
    usageError(await runCli(['doctor', `https://${GIANT}/hook`, '--yes']), /70012 characters long/);
  });

  it('send-sample: port 0 and giant host names in the URL', async () => {
    usageError(
      await runCli(['send-sample', 'https://127.0.0.1:0/hook']),
      /the webhook URL: port 0 is not a port a server can listen on/,
    );
    usageError(
      await runCli(['send-sample', `https://${GIANT}/hook`]),
      /the webhook URL: the host name "a{60}… \(70012 characters\)" is 70012 characters long/,
    );
    usageError(await runCli(['send-sample', `https://${LONG_LABEL}/hook`]), /has a label of 64 characters/);
  });
});
