/**
 * `tc-webhook completion bash|zsh|fish`: each script is loaded in its own shell, which is asked what
 * it completes for a command, a flag and a flag's value. zsh and fish tests are skipped, saying so,
 * on a machine without them (.ci/run installs them where it can).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ROOT, TEST_TMPDIR } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

type Shell = 'bash' | 'zsh' | 'fish';

function shellMissing(shell: Shell): string | false {
  const probe = spawnSync(shell, ['-c', 'exit 0'], { stdio: 'ignore', timeout: 10_000 });
  return probe.status === 0
    ? false
    : `${shell} is not installed (Debian: apt-get install ${shell}; .ci/run installs it when apt-get can)`;
}

const scripts = new Map<Shell, string>();

async function scriptFor(shell: Shell): Promise<string> {
  let file = scripts.get(shell);
  if (!file) {
    const run = await runMain(['completion', shell]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    file = join(TEST_TMPDIR, `tc-webhook.${shell}`);
    writeFileSync(file, run.stdout);
    scripts.set(shell, file);
  }
  return file;
}

function run(shell: string, args: string[]): string {
  const result = spawnSync(shell, args, {
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH },
  });
  assert.equal(result.status, 0, `${shell} failed: ${result.stderr}`);
  return result.stdout;
}

/** What each shell offers after the words typed (the last one is completed; '' = after a space). */
const completers: Record<Shell, (script: string, words: string[]) => string[]> = {
  bash: (script, words) => {
    const quoted = words.map((w) => `'${w}'`).join(' ');
    const out = run('bash', [
      '-c',
      `source '${script}'; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _tc_webhook; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ]);
    return out.split('\n').filter(Boolean);
  },
  zsh: (script, words) =>
    run('zsh', ['-f', `${ROOT}test/helpers/zsh-complete.zsh`, script, words.join(' ')])
      .split('\n')
      .filter(Boolean),
  fish: (script, words) =>
    run('fish', ['--no-config', '-c', `source '${script}'; complete -C '${words.join(' ')}'`])
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t')[0]!),
};

for (const shell of ['bash', 'zsh', 'fish'] as const) {
  describe(`tc-webhook completion ${shell}`, { skip: shellMissing(shell) }, () => {
    let script: string;
    before(async () => {
      script = await scriptFor(shell);
    });
    const complete = (...words: string[]) => completers[shell](script, ['tc-webhook', ...words]);

    it('completes a command', () => {
      assert.deepEqual(complete('do'), ['doctor']);
      assert.ok(complete('').includes('completion'), 'every command, completion included');
    });

    it("completes a command's flags, new ones included", () => {
      assert.deepEqual(complete('doctor', '--ye'), ['--yes']);
      assert.deepEqual(complete('validate', '--only-f'), ['--only-failed']);
      assert.ok(!complete('sample', '--').includes('--yes'), "only the command's own flags");
    });

    it("completes a flag's fixed values and the completion argument", () => {
      assert.deepEqual(complete('doctor', '--format', '').sort(), ['json', 'txml']);
      assert.deepEqual(complete('completion', '').sort(), ['bash', 'fish', 'zsh']);
    });
  });
}

describe('tc-webhook completion: bad input', () => {
  it('an unknown shell is a usage error naming the choices, exit 2', async () => {
    const r = await runMain(['completion', 'tcsh']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^tc-webhook: .*'tcsh'.*Allowed choices are bash, zsh, fish/);
  });
});
