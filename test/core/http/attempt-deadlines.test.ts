import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { createAttemptDeadlines } from '../../../src/core/http/attempt-deadlines.js';

describe('createAttemptDeadlines', () => {
  it('fires due deadlines once, never cancelled ones, and stops ticking when none is left', async () => {
    let clock = 0;
    const deadlines = createAttemptDeadlines(() => clock);
    const fired: string[] = [];
    const owner = (name: string) => ({ expire: () => void fired.push(name) });
    deadlines.schedule(40, owner('a'));
    const b = deadlines.schedule(40, owner('b'));
    deadlines.schedule(1000, owner('c'));
    b.cancel();
    b.cancel(); // twice: nothing more
    clock = 50;
    while (fired.length < 1) await sleep(5);
    assert.deepEqual(fired, ['a']);
    clock = 2000;
    while (fired.length < 2) await sleep(5);
    assert.deepEqual(fired, ['a', 'c']);
    // Nothing pending: no interval keeps the event loop alive (the test would not end otherwise).
  });
});
