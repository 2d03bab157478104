import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelayMs, classifyStatus, explainStatus } from '../../../src/core/http/retry-policy.js';

describe('retry policy (Tradecloud: 2xx delivered, 4xx and 500 final, above 500 retried)', () => {
  it('classifies answers the way Tradecloud reacts to them', () => {
    assert.equal(classifyStatus(200), 'delivered');
    assert.equal(classifyStatus(202), 'delivered');
    assert.equal(classifyStatus(204), 'delivered');
    assert.equal(classifyStatus(400), 'rejected');
    assert.equal(classifyStatus(401), 'rejected');
    assert.equal(classifyStatus(500), 'rejected');
    assert.equal(classifyStatus(501), 'retryable');
    assert.equal(classifyStatus(503), 'retryable');
    assert.equal(classifyStatus(599), 'retryable');
    assert.equal(classifyStatus(302), 'rejected');
  });

  it('doubles the back-off delay from the base', () => {
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => backoffDelayMs(n, 10)),
      [10, 20, 40, 80],
    );
  });

  it('explains that 500 is not retried and suggests 502/503 for outages', () => {
    assert.match(explainStatus(500, { retried: false })!, /will not retry.*502 or 503/);
  });

  it('explains that redirects are not followed and names the Location', () => {
    const note = explainStatus(301, { retried: false, location: 'https://example.com/new' })!;
    assert.match(note, /to https:\/\/example\.com\/new/);
    assert.match(note, /does not follow redirects; configure the final URL/);
  });

  it('says Tradecloud would retry a 503 when --retry is off, and keep retrying when it gave up', () => {
    assert.match(explainStatus(503, { retried: false })!, /would retry.*--retry/);
    assert.match(explainStatus(503, { retried: true })!, /keep retrying/);
    assert.equal(explainStatus(200, { retried: false }), undefined);
  });
});
