/**
 * doctor's confirmation prompt on a real pseudo-terminal: the keys a user presses to get out of it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { HAS_SCRIPT, runInTerminal } from '../helpers/run-in-terminal.js';

describe(
  'doctor: leaving the confirmation prompt',
  { skip: !HAS_SCRIPT && 'util-linux script is not installed' },
  () => {
    let receiver: Receiver;
    before(async () => {
      receiver = await startReceiver({});
    });
    after(() => receiver.close());

    for (const [name, key] of [
      ['Ctrl+C', '\x03'],
      ['Ctrl+D', '\x04'],
    ] as const) {
      it(`${name} at the prompt cancels: exit 2, one line, nothing sent`, async () => {
        const sentBefore = receiver.requests.length;
        const run = await runInTerminal(
          ['doctor', receiver.url, '--ca', ROOT_CA_FILE, '--events', 'OrderIssuedByBuyer'],
          /Continue\? \[y\/N\]/,
          key,
        );
        assert.equal(run.code, 2, run.output);
        assert.match(
          run.output,
          /tc-webhook: doctor cancelled: nothing was sent\. Run again and answer y, or pass --yes/,
        );
        assert.doesNotMatch(run.output, /internal error|Aborted/);
        assert.equal(receiver.requests.length - sentBefore, 0);
      });
    }

    it('Ctrl+C with stderr redirected (a SIGINT signal, not a key) cancels too', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tc-webhook-terminal-'));
      const sentBefore = receiver.requests.length;
      try {
        const run = await runInTerminal(
          ['doctor', receiver.url, '--ca', ROOT_CA_FILE, '--events', 'OrderIssuedByBuyer'],
          /Continue\? \[y\/N\]/,
          '\x03',
          { stderrFile: join(dir, 'stderr.txt') },
        );
        assert.equal(run.code, 2, run.output);
        assert.match(run.output, /tc-webhook: doctor cancelled: nothing was sent/);
        assert.equal(receiver.requests.length - sentBefore, 0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('answering y on the terminal goes ahead', async () => {
      const sentBefore = receiver.requests.length;
      const run = await runInTerminal(
        ['doctor', receiver.url, '--ca', ROOT_CA_FILE, '--events', 'OrderIssuedByBuyer'],
        /Continue\? \[y\/N\]/,
        'y\r',
      );
      assert.equal(run.code, 1, run.output); // the open receiver fails nothing but the missing auth config
      assert.match(run.output, /requests sent\)/);
      assert.equal(
        receiver.requests.length - sentBefore,
        10,
        'one event, one invalid payload, 5 forward-compatibility bodies, one event twice, one HSTS GET',
      );
    });
  },
);
