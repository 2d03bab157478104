/**
 * action.yml and the script it runs, with the local build in place of the npm install
 * (TC_WEBHOOK_ACTION_BIN), GITHUB_ACTIONS=true and a temporary GITHUB_STEP_SUMMARY.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { BIN, ROOT, TEST_TMPDIR } from '../helpers/run-cli.js';

const SCRIPT = join(ROOT, 'scripts/github-action.sh');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const dir = mkdtempSync(join(TEST_TMPDIR, 'github-action-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function runAction(
  inputs: { command: string; args?: string; version?: string },
  env: Record<string, string> = {},
) {
  const summary = join(dir, `summary-${Math.random().toString(16).slice(2)}.md`);
  writeFileSync(summary, '');
  const r = spawnSync('bash', [SCRIPT], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      NO_COLOR: '1',
      TMPDIR: TEST_TMPDIR,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: ROOT,
      GITHUB_STEP_SUMMARY: summary,
      TC_WEBHOOK_ACTION_BIN: BIN,
      TC_ACTION_COMMAND: inputs.command,
      TC_ACTION_ARGS: inputs.args ?? '',
      TC_ACTION_VERSION: inputs.version ?? VERSION,
      ...env,
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, summary: readFileSync(summary, 'utf8') };
}

describe('action.yml', () => {
  it('is a composite action whose inputs reach its script through env only; version is required', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { required?: boolean; default?: string }>;
      runs: { using: string; steps: { run?: string; env?: Record<string, string>; shell?: string }[] };
    };
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['args', 'command', 'version']);
    assert.equal(action.inputs.version!.required, true);
    assert.equal(
      action.inputs.version!.default,
      undefined,
      'no default version: it is pinned by the workflow',
    );
    for (const step of action.runs.steps) {
      assert.doesNotMatch(step.run ?? '', /\$\{\{/, 'no expression inside run: (script injection)');
      for (const value of Object.values(step.env ?? {})) assert.match(value, /^\$\{\{ inputs\.\w+ \}\}$/);
    }
  });
});

describe('the action script', () => {
  it('runs the command: annotations on stderr, the summary appended, the step fails by the exit code', () => {
    const r = runAction({
      command: 'validate',
      args: 'fixtures/payloads/invalid/wrong-type.json\n  fixtures/payloads/valid/shipment.json\n',
    });
    assert.equal(r.code, 1, r.stderr);
    assert.match(
      r.stderr,
      /^::error file=fixtures\/payloads\/invalid\/wrong-type\.json,line=36,col=23,title=tc-webhook validate%3A type::/m,
    );
    assert.match(r.summary, /^### tc-webhook validate$/m);
    assert.match(
      r.summary,
      /\| fixtures\/payloads\/valid\/shipment\.json \| shipment, JSON \| ✅ valid \| 0 \| 0 \|/,
    );
    const passed = runAction({
      command: 'validate',
      args: 'fixtures/payloads/valid/shipment.json --fail-on warning',
    });
    assert.equal(passed.code, 0, passed.stderr);
  });

  it('refuses a version that is not pinned, an unknown command, secrets in args, a credential without --auth', () => {
    const cases: [Parameters<typeof runAction>[0], Record<string, string>, RegExp][] = [
      [{ command: 'validate', version: 'latest' }, {}, /input version must be an exact version/],
      [{ command: 'validate', version: '^1.0.0' }, {}, /input version must be an exact version/],
      [{ command: 'listen' }, {}, /input command must be check-tls, doctor, validate or scenario/],
      [
        { command: 'doctor', args: 'https://x.test --auth bearer --token abc' },
        {},
        /secrets do not belong in args/,
      ],
      [{ command: 'doctor', args: 'https://x.test' }, { TC_WEBHOOK_TOKEN: 'abc' }, /give no --auth/],
      [
        { command: 'validate', version: '99.0.0', args: 'x.json' },
        {},
        /installed tc-webhook \S+, but version 99\.0\.0 was pinned/,
      ],
    ];
    for (const [inputs, env, message] of cases) {
      const r = runAction(inputs, env);
      assert.equal(r.code, 2, `${JSON.stringify(inputs)}: ${r.stderr}`);
      assert.match(r.stderr, /^::error title=tc-webhook action::/m);
      assert.match(r.stderr, message);
      assert.ok(!r.stderr.includes('abc'), 'a secret given in args is not repeated');
    }
  });
});
