import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { ERROR_CODES } from '../../src/error-codes.js';
import { ROOT } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

/** A loopback port nothing listens on: bound, noted, closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function errorObject(stdout: string): { code: string; message: string; hint: string | null } {
  const lines = stdout.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one object on stdout, got ${stdout}`);
  const parsed = JSON.parse(lines[0]!) as { error: { code: string; message: string; hint: string | null } };
  assert.deepEqual(Object.keys(parsed), ['error']);
  assert.deepEqual(Object.keys(parsed.error), ['code', 'message', 'hint']);
  return parsed.error;
}

describe('--json: a failure before any result is one error object on stdout', () => {
  it('a missing file: input.not-found, the human line still on stderr', async () => {
    const r = await runMain(['validate', 'no-such-file.json', '--json']);
    assert.equal(r.code, 2);
    const error = errorObject(r.stdout);
    assert.equal(error.code, 'input.not-found');
    assert.equal(error.message, 'cannot read no-such-file.json: no such file or directory');
    assert.equal(error.hint, 'Check the path');
    assert.equal(
      r.stderr,
      'tc-webhook: cannot read no-such-file.json: no such file or directory. Check the path\n',
    );
  });

  it("commander's usage errors: a code per kind, the tool's prefix on stderr", async () => {
    const cases: [string[], string, string][] = [
      [
        ['validate', '--strcit', 'x.json', '--json'],
        'usage.unknown-option',
        "unknown option '--strcit' (Did you mean --strict?)",
      ],
      [['validate', '--json'], 'usage.missing-argument', "missing required argument 'file'"],
      [
        ['validate', 'x.json', '--json', '--max-errors', '0'],
        'usage.invalid-argument',
        "option '--max-errors <n>' argument '0' is invalid. --max-errors must be a whole number of at least 1, got \"0\".",
      ],
      [['valdate', '--json'], 'usage.unknown-command', "unknown command 'valdate' (Did you mean validate?)"],
    ];
    for (const [args, code, message] of cases) {
      const r = await runMain(args);
      assert.equal(r.code, 2, args.join(' '));
      const error = errorObject(r.stdout);
      assert.equal(error.code, code);
      assert.equal(error.message, message);
      assert.match(error.hint ?? '', /^Run tc-webhook (validate )?--help for usage$/);
      assert.match(r.stderr, /^tc-webhook: [^\n]+\n$/);
    }
  });

  it('an unknown event: usage.unknown-event', async () => {
    const r = await runMain([
      'send-sample',
      'https://127.0.0.1:9/',
      '--event',
      'OrderIssuedByBuyr',
      '--json',
    ]);
    assert.equal(r.code, 2);
    const error = errorObject(r.stdout);
    assert.equal(error.code, 'usage.unknown-event');
    assert.match(error.message, /Did you mean OrderIssuedByBuyer/);
  });

  it('a refused connection: network.refused, from check-tls and send-sample alike', async () => {
    const port = await closedPort();
    for (const args of [
      ['check-tls', `127.0.0.1:${port}`, '--json'],
      ['send-sample', `https://127.0.0.1:${port}/`, '--json', '--timeout', '2000'],
    ]) {
      const r = await runMain(args);
      assert.equal(r.code, 2, args[0]);
      const error = errorObject(r.stdout);
      assert.equal(error.code, 'network.refused', args[0]);
      assert.match(error.message, /connection refused/);
    }
  });

  it('without --json stdout stays empty', async () => {
    const r = await runMain(['validate', 'no-such-file.json']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
  });

  it('docs/error-codes.md lists every code, and nothing else', () => {
    const doc = readFileSync(`${ROOT}/docs/error-codes.md`, 'utf8');
    const listed = [...doc.matchAll(/^\| `([a-z.-]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual(listed.sort(), Object.keys(ERROR_CODES).sort());
  });
});
