import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../../src/errors.js';
import { isLoopbackHost, isLoopbackUrl } from '../../../src/core/net/loopback.js';
import { parseTargetUrl } from '../../../src/core/net/target-url.js';

const webhook = (raw: string, sendsSecret: boolean) =>
  parseTargetUrl(raw, { what: 'the webhook URL', flag: 'url', sendsSecret });

describe('parseTargetUrl', () => {
  it('recognises loopback hosts only', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '[::1]', '[::ffff:127.0.0.1]'])
      assert.ok(isLoopbackHost(host), host);
    for (const host of [
      'example.com',
      '10.0.0.1',
      '128.0.0.1',
      '[::2]',
      'localhost.example.com',
      'api.localhost',
      '127.evil.test',
    ]) {
      assert.ok(!isLoopbackHost(host), host);
    }
  });

  it('decides on the parsed URL, never on how the text starts', () => {
    for (const url of [
      'http://localhost:8080/',
      'http://127.0.0.1/',
      'http://[::1]:1/',
      'http://0x7f000001/',
    ])
      assert.ok(isLoopbackUrl(url), url);
    for (const url of [
      'http://localhost@keys.evil.test/',
      'http://localhost.attacker.test/',
      'http://127.evil.test/',
      'http://evil.localhost/',
      'http://[::ffff:10.0.0.1]/',
      'not a url',
    ])
      assert.ok(!isLoopbackUrl(url), url);
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
