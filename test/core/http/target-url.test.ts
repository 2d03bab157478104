import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../../src/errors.js';
import { isLoopbackHost, parseTargetUrl } from '../../../src/core/http/target-url.js';

const webhook = (raw: string, sendsSecret: boolean) =>
  parseTargetUrl(raw, { what: 'the webhook URL', flag: 'url', sendsSecret });

describe('parseTargetUrl', () => {
  it('recognises loopback hosts only', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', 'api.localhost'])
      assert.ok(isLoopbackHost(host), host);
    for (const host of ['example.com', '10.0.0.1', '128.0.0.1', '[::2]', 'localhost.example.com']) {
      assert.ok(!isLoopbackHost(host), host);
    }
  });

  it('accepts https with credentials', () => {
    assert.deepEqual(webhook('https://example.com/hook', true).warnings, []);
  });

  it('refuses credentials over plain http to a non-loopback host', () => {
    assert.throws(
      () => webhook('http://example.com/hook', true),
      (error: unknown) => {
        assert.ok(error instanceof UsageError);
        assert.match(error.message, /refusing to send credentials in clear text to http:\/\/example\.com/);
        return true;
      },
    );
  });

  it('allows plain http to loopback with credentials, and without credentials anywhere, with a warning', () => {
    assert.match(webhook('http://127.0.0.1:8080/hook', true).warnings[0]!, /only calls https/);
    assert.match(webhook('http://example.com/hook', false).warnings[0]!, /only calls https/);
  });

  it('rejects other schemes, garbage and credentials in the URL (masked)', () => {
    assert.throws(() => webhook('ftp://example.com/', false), /must be an https:\/\/ URL/);
    assert.throws(() => webhook('not a url', false), /is not a URL/);
    assert.throws(
      () => webhook('https://user:hunter2@example.com/', false),
      (error: unknown) =>
        error instanceof UsageError && !error.message.includes('hunter2') && /\*\*\*/.test(error.message),
    );
  });
});
