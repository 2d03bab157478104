import { testContext } from '../helpers/command-context.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../src/core/input/read-bounded.js';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import type { CommandContext } from '../../src/commands/context.js';
import { validateCommand } from '../../src/commands/validate.js';

test('validate: an interrupt while stdin never ends stops waiting, closes it, reports what was done', async () => {
  const stdin = new PassThrough(); // a pipe left open
  stdin.write('{"orderEvent": ');
  const controller = new AbortController();
  const ctx: CommandContext = testContext({
    stdin,
    signal: controller.signal,
  });
  const run = validateCommand(
    {
      files: ['fixtures/payloads/valid/order-event.json', '-'],
      type: 'auto',
      strict: false,
      timeoutMs: 5000,
      maxErrors: 20,
      maxBytes: DEFAULT_MAX_INPUT_BYTES,
    },
    ctx,
  );
  // Interrupt once validate is reading stdin (the first file is done by then).
  while (stdin.listenerCount('readable') === 0) await sleep(10);
  controller.abort();
  const report = await run;
  assert.equal(report.interrupted, true);
  assert.equal(report.ok, false);
  assert.deepEqual(
    report.files.map((f) => f.file),
    ['fixtures/payloads/valid/order-event.json'],
  );
  assert.equal(stdin.destroyed, true);
});
