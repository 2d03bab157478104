import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startJwtOAuthProvider, type JwtOAuthProvider } from '../helpers/jwt-oauth-provider.js';
import { entriesOf, startListen, TLS_FLAGS } from '../helpers/listen-process.js';
import { ROOT_CA_FILE } from '../helpers/receiver.js';
import { runMain } from '../helpers/run-main.js';

const USER = 'tc-user';
const PASSWORD = 'listen-Secr3t-pass-4f1e';
const TOKEN = 'listen-Secr3t-token-9a0c';
const TYPES = ['order', 'single-delivery', 'order-documents', 'shipment'];
const FORMATS = ['json', 'txml'];

interface Mode {
  name: string;
  listen: () => string[];
  send: () => string[];
  env: () => Record<string, string>;
}

describe('listen round trip: send-sample --all of every type and format, with every auth mode', () => {
  let idp: JwtOAuthProvider;
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-listen-'));
    dirs.push(dir);
    return dir;
  };
  before(async () => {
    idp = await startJwtOAuthProvider();
  });
  after(async () => {
    await idp.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const modes: Mode[] = [
    { name: 'none', listen: () => [], send: () => [], env: () => ({}) },
    {
      name: 'basic',
      listen: () => ['--auth', 'basic', '--username', USER],
      send: () => ['--auth', 'basic', '--username', USER],
      env: () => ({ TC_WEBHOOK_PASSWORD: PASSWORD }),
    },
    {
      name: 'bearer',
      listen: () => ['--auth', 'bearer'],
      send: () => ['--auth', 'bearer'],
      env: () => ({ TC_WEBHOOK_TOKEN: TOKEN }),
    },
    {
      name: 'oauth2',
      listen: () => idp.listenFlags,
      send: () => idp.sendFlags,
      env: () => ({ TC_WEBHOOK_CLIENT_SECRET: idp.clientSecret }),
    },
  ];

  for (const mode of modes) {
    it(`${mode.name}: every delivery valid and saved; the saved files validate`, async () => {
      const dir = tempDir();
      const listen = await startListen(
        [...TLS_FLAGS, ...mode.listen(), '--ca', ROOT_CA_FILE, '--save', dir, '--json'],
        {
          env: mode.env(),
        },
      );
      let sent = 0;
      for (const format of FORMATS) {
        const runs = await Promise.all(
          TYPES.map((type) =>
            runMain(
              [
                'send-sample',
                listen.url,
                '--ca',
                ROOT_CA_FILE,
                '--type',
                type,
                '--all',
                '--format',
                format,
                '--json',
                ...mode.send(),
              ],
              { env: mode.env() },
            ),
          ),
        );
        for (const run of runs) {
          assert.equal(run.code, 0, run.stdout.slice(0, 2000) + run.stderr);
          sent += (JSON.parse(run.stdout) as { requests: unknown[] }).requests.length;
        }
      }
      const done = await listen.stop();
      assert.equal(done.code, 0, done.stderr);
      const entries = entriesOf(done.stdout);
      assert.equal(entries.length, sent);
      for (const e of entries) {
        assert.equal(e.valid, true, JSON.stringify(e.errors));
        assert.equal((e.auth as { ok: boolean; scheme: string }).scheme, mode.name);
        assert.equal(e.status, 200);
        assert.match(String(e.savedAs), /\/\d{6}-[A-Za-z]+\.(json|xml)$/);
      }
      assert.equal(readdirSync(dir).length, sent);
      assert.ok(entries.some((e) => e.format === 'txml') && entries.some((e) => e.type === 'shipment'));
      assert.match(
        done.stderr,
        new RegExp(`stopped: ${sent} requests; ${sent} deliveries, ${sent} valid, 0 invalid`),
      );
      for (const secret of [PASSWORD, TOKEN, idp.clientSecret]) {
        assert.ok(!done.stdout.includes(secret) && !done.stderr.includes(secret), 'a secret was printed');
      }
      const validate = await runMain(['validate', dir, '--json']);
      assert.equal(validate.code, 0, validate.stdout.slice(0, 2000));
    });
  }

  it('saved files replay unchanged through send-sample --file into a second listen', async () => {
    const first = tempDir();
    const second = tempDir();
    const a = await startListen([...TLS_FLAGS, '--save', first]);
    for (const format of FORMATS) {
      const run = await runMain([
        'send-sample',
        a.url,
        '--ca',
        ROOT_CA_FILE,
        '--type',
        'order',
        '--all',
        '--format',
        format,
      ]);
      assert.equal(run.code, 0, run.stderr);
    }
    assert.equal((await a.stop()).code, 0);
    const b = await startListen([...TLS_FLAGS, '--save', second]);
    const replay = await runMain(['send-sample', b.url, '--ca', ROOT_CA_FILE, '--file', first]);
    assert.equal(replay.code, 0, replay.stderr);
    assert.equal((await b.stop()).code, 0);
    const contents = (dir: string) =>
      readdirSync(dir)
        .map((f) => `${f.replace(/^\d+-/, '')}\n${readFileSync(join(dir, f), 'utf8')}`)
        .sort();
    const before = contents(first);
    assert.ok(before.length > 10);
    assert.deepEqual(contents(second), before);
  });
});
