import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkHostAndPort, checkServername, shortenForDisplay } from '../../../src/core/net/host-name.js';
import { UsageError } from '../../../src/errors.js';

const rejects = (run: () => void, message: RegExp) =>
  assert.throws(run, (error: unknown) => error instanceof UsageError && message.test(error.message));

test('--servername: DNS names (IDN, trailing dot, underscore) pass; empty, spaces, IPs and wildcards do not', () => {
  for (const ok of [
    'hooks.example.com',
    'hooks.example.com.',
    'bücher.example',
    '_acme.example.com',
    'localhost',
  ]) {
    assert.doesNotThrow(() => checkServername(ok), ok);
  }
  rejects(() => checkServername(''), /--servername is empty/);
  rejects(() => checkServername('a b'), /is not a valid DNS name/);
  rejects(() => checkServername('*.example.com'), /is not a valid DNS name/);
  rejects(() => checkServername('-bad.example.com'), /is not a valid DNS name/);
  rejects(() => checkServername('10.0.0.1'), /is an IP address, and SNI carries only DNS names/);
  rejects(() => checkServername('[2001:db8::1]'), /is an IP address/);
});

test('host and port: IP literals are not DNS names; port 0 and over-long names are refused', () => {
  assert.doesNotThrow(() => checkHostAndPort('[2001:db8::1]', 443, 'the target'));
  assert.doesNotThrow(() => checkHostAndPort(`${'a'.repeat(63)}.example.com`, undefined, 'the target'));
  rejects(() => checkHostAndPort('example.com', 0, 'the target'), /^the target: port 0 is not a port/);
  rejects(() => checkHostAndPort(`${'a'.repeat(64)}.com`, 443, 'x'), /a label of 64 characters/);
  rejects(() => checkHostAndPort(`${'a.'.repeat(127)}com`, 443, 'x'), /257 characters long/);
  assert.doesNotThrow(() => checkHostAndPort(`${'a.'.repeat(125)}com.`, 443, 'x'), '253 plus the final dot');
});

test('echoes are shortened to one readable line', () => {
  assert.equal(shortenForDisplay('short'), 'short');
  assert.equal(shortenForDisplay('x'.repeat(70_000)), `${'x'.repeat(60)}… (70000 characters)`);
});
