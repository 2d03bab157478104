import { testContext } from '../helpers/command-context.js';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { CommandContext } from '../../src/commands/context.js';
import { doctorCommand } from '../../src/commands/doctor.js';
import { UsageError } from '../../src/errors.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';

describe('doctor: an interrupt at the confirmation question', () => {
  let receiver: Receiver;
  before(async () => {
    receiver = await startReceiver({});
  });
  after(() => receiver.close());

  it('is "cancelled" (exit 2), nothing sent, the question does not keep waiting', async () => {
    const stderr = new PassThrough();
    let text = '';
    stderr.on('data', (d: Buffer) => (text += d.toString()));
    const controller = new AbortController();
    const stdin = new PassThrough(); // a terminal nobody answers
    const ctx: CommandContext = testContext({
      stdin,
      stdinIsTTY: true,
      stderr,
      signal: controller.signal,
    });
    const run = doctorCommand(
      {
        url: receiver.url,
        types: ['order'],
        format: 'json',
        events: ['OrderIssuedByBuyer'],
        slowMs: 5000,
        yes: false,
        ca: [ROOT_CA_FILE],
        timeoutMs: 5000,
        auth: 'none',
      },
      ctx,
    );
    while (!/Continue\?/.test(text)) await sleep(20);
    controller.abort();
    await assert.rejects(run, (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /doctor cancelled: nothing was sent/);
      return true;
    });
    assert.equal(receiver.requests.length, 0);
    assert.equal(stdin.destroyed, true);
  });
});
