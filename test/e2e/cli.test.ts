import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ROOT, runCli } from '../helpers/run-cli.js';

const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string };

describe('tc-webhook (program)', () => {
  it('--version prints the package version and exits 0', async () => {
    const r = await runCli(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), pkg.version);
    assert.equal(r.stderr, '');
  });

  it('--help lists every command and exits 0', async () => {
    const r = await runCli(['--help']);
    assert.equal(r.code, 0);
    for (const cmd of ['check-tls', 'send-sample', 'sample', 'validate', 'doctor']) {
      assert.match(r.stdout, new RegExp(`\\b${cmd}\\b`));
    }
  });

  it('an unknown command is a usage error (exit 2) with a suggestion', async () => {
    const r = await runCli(['valdate', 'x.json']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /unknown command 'valdate'/);
    assert.match(r.stderr, /Did you mean validate\?/);
  });

  it('an unknown option is a usage error (exit 2) with a hint', async () => {
    const r = await runCli(['validate', '--strcit', 'x.json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown option '--strcit'/);
    assert.match(r.stderr, /--strict/);
  });

  it('a usage error is exactly one line on stderr, suggestion and hint included (exit 2)', async () => {
    const cases: [string[], string][] = [
      [
        ['validate', '--strcit', 'x.json'],
        "tc-webhook: unknown option '--strcit' (Did you mean --strict?) (run tc-webhook validate --help for usage)\n",
      ],
      [
        ['validate', '--x', 'x.json'],
        "tc-webhook: unknown option '--x' (run tc-webhook validate --help for usage)\n",
      ],
      [
        ['validate'],
        "tc-webhook: missing required argument 'file' (run tc-webhook validate --help for usage)\n",
      ],
      [
        ['valdate', 'x.json'],
        "tc-webhook: unknown command 'valdate' (Did you mean validate?) (run tc-webhook --help for usage)\n",
      ],
    ];
    for (const [args, stderr] of cases) {
      const r = await runCli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, stderr);
    }
  });

  it('a bad number is a usage error (exit 2)', async () => {
    const r = await runCli(['send-sample', 'https://127.0.0.1:1/', '--count', 'many']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--count must be a whole number/);
  });

  it('no command prints help on stderr and exits 2', async () => {
    const r = await runCli([]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Usage: tc-webhook/);
  });
});
