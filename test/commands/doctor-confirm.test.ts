import { testContext } from '../helpers/command-context.js';
import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { CommandContext } from '../../src/commands/context.js';
import { doctorCommand } from '../../src/commands/doctor.js';
import type { DoctorOptions } from '../../src/commands/options.js';
import { UsageError } from '../../src/errors.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';

/** The confirmation only appears on a terminal, so these tests hand the command a stdin that says it is one. */
function terminal(answer: string): { ctx: CommandContext; stderr: () => string } {
  const stderr = new PassThrough();
  let text = '';
  stderr.on('data', (d: Buffer) => (text += d.toString()));
  const ctx: CommandContext = testContext({
    stdin: Readable.from([answer]),
    stdinIsTTY: true,
    stderr,
  });
  return { ctx, stderr: () => text };
}

describe('doctor asks before sending when stdin is a terminal', () => {
  let receiver: Receiver;
  before(async () => {
    receiver = await startReceiver({ auth: { type: 'bearer', token: 'confirm-token-123456' } });
  });
  after(() => receiver.close());

  const options = (yes: boolean): DoctorOptions => ({
    url: receiver.url,
    types: ['order'],
    format: 'json',
    events: ['OrderIssuedByBuyer'],
    slowMs: 5000,
    yes,
    ca: [ROOT_CA_FILE],
    timeoutMs: 5000,
    auth: 'bearer',
    token: 'confirm-token-123456',
  });

  it('answering no sends nothing and says so', async () => {
    const { ctx, stderr } = terminal('n\n');
    const sentBefore = receiver.requests.length;
    await assert.rejects(doctorCommand(options(false), ctx), (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /doctor cancelled: nothing was sent/);
      return true;
    });
    assert.match(stderr(), /doctor will send 12 requests/);
    assert.match(stderr(), /Continue\? \[y\/N\]/);
    assert.equal(receiver.requests.length - sentBefore, 0);
  });

  it('stdin that ends without an answer cancels (no hang, nothing sent)', async () => {
    const { ctx } = terminal('');
    const sentBefore = receiver.requests.length;
    await assert.rejects(doctorCommand(options(false), ctx), /doctor cancelled: nothing was sent/);
    assert.equal(receiver.requests.length - sentBefore, 0);
  });

  it('answering yes runs the checks and sends exactly the announced requests', async () => {
    const { ctx } = terminal('y\n');
    const sentBefore = receiver.requests.length;
    const report = await doctorCommand(options(false), ctx);
    assert.equal(report.ok, true);
    assert.equal(report.requestsSent, 12);
    assert.equal(receiver.requests.length - sentBefore, 12);
  });

  it('--yes skips the question', async () => {
    const { ctx, stderr } = terminal('');
    const sentBefore = receiver.requests.length;
    const report = await doctorCommand(options(true), ctx);
    assert.equal(report.ok, true);
    assert.equal(receiver.requests.length - sentBefore, 12);
    assert.doesNotMatch(stderr(), /Continue\?/);
  });
});
