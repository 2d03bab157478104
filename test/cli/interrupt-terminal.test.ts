import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import { main } from '../../src/cli.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { ROOT } from '../helpers/run-cli.js';

const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';

/** A writable that says it is a terminal, recording what is written. */
function terminal(): { stream: PassThrough & { isTTY: boolean; columns: number }; text: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text };
}

const receivers: Receiver[] = [];
after(() => Promise.all(receivers.map((r) => r.close())));

test('Ctrl-C during a burst on a terminal: progress bar stopped, cursor shown again, summary, exit 130', async () => {
  // Answers two requests, then never again: the burst runs until interrupted.
  const receiver = await startReceiver({ respond: (_, n) => (n < 2 ? { status: 200 } : { hang: true }) });
  receivers.push(receiver);
  const stderr = terminal();
  const stdout = terminal();
  let interrupt: (() => void) | undefined;
  let listening = 0;
  const run = main(
    [
      'node',
      'tc-webhook',
      'send-sample',
      receiver.url,
      '--ca',
      ROOT_CA_FILE,
      '--count',
      '40',
      '--timeout',
      '60000',
    ],
    {
      env: { NO_COLOR: '1' },
      stdin: Readable.from([]),
      stdout: stdout.stream,
      stderr: stderr.stream,
      cwd: ROOT,
      onInterrupt: (listener) => {
        interrupt = listener;
        listening++;
        return () => listening--;
      },
      exit: () => {
        throw new Error('a single Ctrl-C must not end the process at once');
      },
    },
  );
  // The progress bar appears once the burst has run a second, and the two answered requests are in
  // (on a loaded machine the bar can come first); then the user presses Ctrl-C.
  while (!stderr.text().includes(HIDE_CURSOR) || receiver.requests.length < 3) await sleep(20);
  interrupt!();
  assert.equal(await run, 130);
  assert.ok(
    stderr.text().lastIndexOf(SHOW_CURSOR) > stderr.text().lastIndexOf(HIDE_CURSOR),
    'cursor shown again',
  );
  assert.match(stdout.text(), /2 of 2 delivered/);
  assert.match(stdout.text(), /interrupted: the summary counts the 2 requests answered before Ctrl-C/);
  assert.equal(listening, 0, 'the Ctrl-C handler is removed once the command has ended');
});

test('a second Ctrl-C while the command still winds down ends the process at once, cursor shown', async () => {
  // The OAuth token endpoint never answers: the first Ctrl-C cannot end that wait early.
  const tokenEndpoint = await startReceiver({ respond: () => ({ hang: true }) });
  receivers.push(tokenEndpoint);
  const stderr = terminal();
  let interrupt: (() => void) | undefined;
  const exits: number[] = [];
  const run = main(
    [
      'node',
      'tc-webhook',
      'send-sample',
      tokenEndpoint.url,
      '--ca',
      ROOT_CA_FILE,
      '--timeout',
      '3000',
      '--auth',
      'oauth2',
      '--token-url',
      tokenEndpoint.url,
      '--client-id',
      'c',
      '--client-secret',
      's3cr3t-value',
    ],
    {
      env: { NO_COLOR: '1' },
      stdin: Readable.from([]),
      stdout: terminal().stream,
      stderr: stderr.stream,
      cwd: ROOT,
      onInterrupt: (listener) => {
        interrupt = listener;
        return () => undefined;
      },
      exit: (code) => {
        exits.push(code);
        throw new Error('exited');
      },
    },
  );
  while (tokenEndpoint.requests.length === 0) await sleep(20);
  interrupt!();
  assert.deepEqual(exits, []);
  assert.throws(() => interrupt!(), /exited/);
  assert.deepEqual(exits, [130]);
  assert.ok(stderr.text().endsWith(`${SHOW_CURSOR}\ntc-webhook: interrupted twice, stopped at once\n`));
  await run; // the abandoned run ends with its --timeout
});
