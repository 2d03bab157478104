import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isAbsoluteUri, isLocalDateTime, isLocalTime } from '../../../src/core/schema/webhook-formats.js';

it('local-date-time accepts zone-less calendar date-times only', () => {
  assert.equal(isLocalDateTime('2026-08-02T09:59:00'), true);
  assert.equal(isLocalDateTime('2024-02-29T23:59:59.5'), true);
  assert.equal(isLocalDateTime('2026-08-02T09:59:00Z'), false);
  assert.equal(isLocalDateTime('2025-02-29T10:00:00'), false);
  assert.equal(isLocalDateTime('2026-13-01T10:00:00'), false);
  assert.equal(isLocalDateTime('2026-08-02 09:59:00'), false);
});

it('time is a local HH:mm:ss', () => {
  assert.equal(isLocalTime('08:00:00'), true);
  assert.equal(isLocalTime('23:59:59.250'), true);
  assert.equal(isLocalTime('24:00:00'), false);
  assert.equal(isLocalTime('8:00'), false);
  assert.equal(isLocalTime('08:00:00+02:00'), false);
});

it('uri is an absolute URL without whitespace', () => {
  assert.equal(isAbsoluteUri('https://portal.tradecloud1.com/order/f56aa4ce-PO0123456790'), true);
  assert.equal(isAbsoluteUri('https://example.com/specs/bolt%20m12.pdf?x=1#page=2'), true);
  assert.equal(isAbsoluteUri('urn:isbn:0451450523'), true);
  assert.equal(isAbsoluteUri('/order/PO0123456790'), false);
  assert.equal(isAbsoluteUri('portal.tradecloud1.com/order'), false);
  assert.equal(isAbsoluteUri('https://example.com/a file.pdf'), false);
  assert.equal(isAbsoluteUri('https://exa mple.com/'), false);
  assert.equal(isAbsoluteUri('https://'), false);
  assert.equal(isAbsoluteUri(''), false);
});
