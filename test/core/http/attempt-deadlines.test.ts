import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { createAttemptDeadlines } from '../../../src/core/http/attempt-deadlines.js';

describe('createAttemptDeadlines', () => {
  it('fires due deadlines once, never cancelled ones, and stops ticking when none is left', async () => {
    let clock = 0;
    const deadlines = createAttemptDeadlines(() => clock);
    const fired: string[] = [];
    deadlines.schedule(40, () => fired.push('a'));
    const cancelB = deadlines.schedule(40, () => fired.push('b'));
    deadlines.schedule(1000, () => fired.push('c'));
    cancelB();
    clock = 50;
    while (fired.length < 1) await sleep(5);
    assert.deepEqual(fired, ['a']);
    clock = 2000;
    while (fired.length < 2) await sleep(5);
    assert.deepEqual(fired, ['a', 'c']);
    // Nothing pending: no interval keeps the event loop alive (the test would not end otherwise).
  });
});
