import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTlsTarget } from '../../../src/core/tls/target.js';
import { UsageError } from '../../../src/errors.js';

test('https URLs, with and without port and path', () => {
  assert.deepEqual(parseTlsTarget('https://hooks.example.com/tradecloud'), {
    https: true,
    host: 'hooks.example.com',
    port: 443,
  });
  assert.deepEqual(parseTlsTarget('HTTPS://Hooks.Example.com:8443/x?y=1'), {
    https: true,
    host: 'hooks.example.com',
    port: 8443,
  });
});

test('bare host[:port], IPv4 and IPv6 literals', () => {
  assert.deepEqual(parseTlsTarget('example.com'), { https: true, host: 'example.com', port: 443 });
  assert.deepEqual(parseTlsTarget('127.0.0.1:4431'), { https: true, host: '127.0.0.1', port: 4431 });
  assert.deepEqual(parseTlsTarget('[::1]:4431'), { https: true, host: '::1', port: 4431 });
  assert.deepEqual(parseTlsTarget('::1'), { https: true, host: '::1', port: 443 });
  assert.deepEqual(parseTlsTarget('https://[2001:db8::1]/hook'), {
    https: true,
    host: '2001:db8::1',
    port: 443,
  });
  assert.deepEqual(parseTlsTarget(' example.com:8443/path '), {
    https: true,
    host: 'example.com',
    port: 8443,
  });
});

test('http:// is a target (a failed https check), not an error', () => {
  assert.deepEqual(parseTlsTarget('http://example.com/hook'), {
    https: false,
    host: 'example.com',
    port: 80,
  });
  assert.deepEqual(parseTlsTarget('http://example.com:8080'), {
    https: false,
    host: 'example.com',
    port: 8080,
  });
});

test('unusable targets are usage errors that show the accepted forms', () => {
  for (const [input, message] of [
    ['', /the target is empty/],
    ['ftp://example.com', /unsupported scheme "ftp:\/\/"/],
    ['example.com:99999', /"example.com:99999" is not a valid target/],
    ['exa mple.com', /is not a valid target/],
  ] as const) {
    assert.throws(
      () => parseTlsTarget(input),
      (error: unknown) =>
        error instanceof UsageError && message.test(error.message) && /host\[:port\]/.test(error.hint ?? ''),
      input,
    );
  }
});
