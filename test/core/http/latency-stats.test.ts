import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTally } from '../../../src/core/http/burst-tally.js';
import type { DeliveryResult } from '../../../src/core/http/deliver-request.js';
import { summarizeLatency } from '../../../src/core/http/latency-stats.js';
import { runBurst } from '../../../src/core/http/run-burst.js';

const result = (status: number | null, outcome: DeliveryResult['outcome'], ms = 10): DeliveryResult => ({
  status,
  outcome,
  durationMs: ms,
  attempts: 1,
  responseBody: '',
  answeredMs: status === null ? [] : [ms],
  ...(status === null ? { stage: 'connect' as const } : {}),
});

describe('burst statistics', () => {
  it('summarises latency with min, median, p95 and max', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    const summary = summarizeLatency(samples.reverse());
    assert.equal(summary.min, 1);
    assert.equal(summary.median, 50.5);
    assert.ok(summary.p95 >= 95 && summary.p95 <= 96, String(summary.p95));
    assert.equal(summary.max, 100);
    assert.deepEqual(summarizeLatency([]), { min: 0, median: 0, p95: 0, max: 0 });
  });

  it('counts per status and outcome and keeps only the first records plus the first of each new kind', () => {
    const tally = createTally<number>({ keepFirst: 3, keepDistinct: 2 });
    for (let i = 0; i < 10; i++) tally.add(i, result(200, 'delivered'), () => i);
    tally.add(10, result(503, 'failed'), () => 10);
    tally.add(11, result(503, 'failed'), () => 11);
    tally.add(12, result(400, 'rejected'), () => 12);
    tally.add(13, result(404, 'rejected'), () => 13);
    const summary = tally.summary();
    assert.equal(summary.sent, 14);
    assert.equal(summary.delivered, 10);
    assert.equal(summary.failed, 4);
    assert.deepEqual(summary.byStatus, { 200: 10, 503: 2, 400: 1, 404: 1 });
    assert.deepEqual(summary.byOutcome, { delivered: 10, failed: 2, rejected: 2 });
    assert.deepEqual(tally.records(), [0, 1, 2, 10, 12]);
    assert.equal(tally.omitted, 9);
    assert.equal(tally.reached, 14);
  });

  it('knows when nothing reached the endpoint', () => {
    const tally = createTally<number>({ keepFirst: 1, keepDistinct: 0 });
    tally.add(0, result(null, 'failed'), () => 0);
    assert.equal(tally.reached, 0);
    assert.equal(tally.firstUnreached?.stage, 'connect');
  });

  it('runs every task once with bounded concurrency, and stops when asked', async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    const started = await runBurst({
      total: 50,
      concurrency: 4,
      task: async (i) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setImmediate(r));
        inFlight--;
        return i;
      },
      onResult: (value) => seen.push(value),
    });
    assert.equal(started, 50);
    assert.equal(peak, 4);
    assert.deepEqual(
      [...seen].sort((a, b) => a - b),
      Array.from({ length: 50 }, (_, i) => i),
    );
    const stopped = await runBurst({
      total: 50,
      concurrency: 1,
      task: (i) => Promise.resolve(i),
      onResult: () => undefined,
      shouldStop: () => true,
    });
    assert.equal(stopped, 0);
  });
});
