import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  classifyHandshakeError,
  describeUnreachable,
  formatHostPort,
  pickFailure,
  previewGreeting,
} from '../../../src/core/tls/probe-failure.js';
import { NetworkError, describeError } from '../../../src/errors.js';

const err = (code: string) => Object.assign(new Error(code), { code });

test('classifies the errors node:tls and node:net raise', () => {
  const kinds = Object.fromEntries(
    [
      'ECONNREFUSED',
      'ENOTFOUND',
      'EAI_AGAIN',
      'EHOSTUNREACH',
      'ETIMEDOUT',
      'ECONNRESET',
      'ERR_SSL_WRONG_VERSION_NUMBER',
      'ERR_SSL_PACKET_LENGTH_TOO_LONG',
      'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
      'ERR_SSL_UNSUPPORTED_PROTOCOL',
      'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
      'EWHATEVER',
    ].map((code) => [code, classifyHandshakeError(err(code), false).kind]),
  );
  assert.deepEqual(kinds, {
    ECONNREFUSED: 'refused',
    ENOTFOUND: 'dns',
    EAI_AGAIN: 'dns',
    EHOSTUNREACH: 'unreachable',
    ETIMEDOUT: 'timeout',
    ECONNRESET: 'closed',
    ERR_SSL_WRONG_VERSION_NUMBER: 'not-tls',
    ERR_SSL_PACKET_LENGTH_TOO_LONG: 'not-tls',
    ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: 'rejected',
    ERR_SSL_UNSUPPORTED_PROTOCOL: 'rejected',
    ERR_SSL_NO_PROTOCOLS_AVAILABLE: 'client-unsupported',
    EWHATEVER: 'other',
  });
});

test('pickFailure: the most telling cause wins', () => {
  const timeout = classifyHandshakeError(err('ETIMEDOUT'), false);
  const dns = classifyHandshakeError(err('ENOTFOUND'), false);
  assert.equal(pickFailure([timeout, dns, timeout])?.kind, 'dns');
  assert.equal(pickFailure([]), undefined);
});

test('previewGreeting: text answers by their first line, binary ones in hex', () => {
  assert.equal(
    previewGreeting(Buffer.from('HTTP/1.1 400 Bad Request\r\nX: y\r\n\r\n')),
    '"HTTP/1.1 400 Bad Request…"',
  );
  assert.equal(previewGreeting(Buffer.from('SSH-2.0-OpenSSH_9.6\r\n')), '"SSH-2.0-OpenSSH_9.6"');
  assert.equal(
    previewGreeting(Buffer.from('8f1c2a00ffee99887766554433221100', 'hex')),
    '16 bytes of binary data: 8f1c2a00ffee998877665544…',
  );
});

test('one line per cause: what, where, and what to do', () => {
  const ctx = { host: '127.0.0.1', port: 4431, timeoutMs: 2000 };
  const line = (code: string, connected = false, extra = {}) =>
    describeError(describeUnreachable(classifyHandshakeError(err(code), connected), { ...ctx, ...extra }));
  assert.equal(
    line('ECONNREFUSED'),
    'cannot connect to 127.0.0.1:4431: connection refused. Check the host and port, and that the server is running',
  );
  assert.match(line('ETIMEDOUT'), /^127\.0\.0\.1:4431 did not answer within 2000 ms\. .*raise --timeout$/);
  assert.match(
    line('ETIMEDOUT', true),
    /accepted the connection but did not answer the TLS handshake within 2000 ms/,
  );
  assert.match(
    line('ENOTFOUND', false, { host: 'nope.invalid' }),
    /^cannot connect to nope\.invalid:\d+: host name not found \(DNS\)\. /,
  );
  assert.match(
    line('ERR_SSL_WRONG_VERSION_NUMBER', true, { greeting: Buffer.from('HTTP/1.1 400 Bad Request\r\n') }),
    /^127\.0\.0\.1:4431 does not speak TLS \(got "HTTP\/1\.1 400 Bad Request"\)\. Check the port/,
  );
  assert.match(line('ECONNRESET', true), /closed the connection without completing a TLS handshake/);
  assert.ok(
    describeUnreachable(classifyHandshakeError(err('EHOSTUNREACH'), false), ctx) instanceof NetworkError,
  );
  assert.equal(formatHostPort('::1', 443), '[::1]:443');
});
