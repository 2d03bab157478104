import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { basicAuthCheck, bearerAuthCheck } from '../../../src/core/serve/check-static-auth.js';
import { pairIssuers } from '../../../src/core/listen/issuer-keys.js';
import { ListenTally } from '../../../src/core/listen/listen-tally.js';
import { loggablePath } from '../../../src/core/serve/loggable-path.js';
import { respondSequence } from '../../../src/core/listen/respond-sequence.js';
import { saveDelivery } from '../../../src/core/listen/save-delivery.js';
import { saveFileName } from '../../../src/core/listen/save-name.js';
import { grantsScope } from '../../../src/core/listen/token-scope.js';
import { UsageError } from '../../../src/errors.js';

describe('listen parts', () => {
  it('save names: zero-padded sequence, event name reduced to safe characters, unknown when absent', () => {
    assert.equal(saveFileName(42, 'OrderIssuedByBuyer', 'json'), '000042-OrderIssuedByBuyer.json');
    assert.equal(saveFileName(7, '../../etc/passwd', 'txml'), '000007-etcpasswd.xml');
    assert.equal(saveFileName(1, 'a b/c\\d\u0000e_f-g', 'json'), '000001-abcde_f-g.json');
    assert.equal(saveFileName(1, undefined, 'json'), '000001-unknown.json');
    assert.equal(saveFileName(1, '../..', 'json'), '000001-unknown.json');
    assert.equal(saveFileName(1234567, 'X', 'json', 2), '1234567-X-2.json');
  });

  it('saving never overwrites: the next free name, then a failure when all are taken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-save-'));
    try {
      writeFileSync(join(dir, '000001-E.json'), 'old');
      const body = Buffer.from('{"eventName":"E"}');
      const saved = await saveDelivery(dir, { seq: 1, eventName: 'E', format: 'json', body });
      assert.deepEqual(saved, { savedAs: join(dir, '000001-E-1.json') });
      writeFileSync(join(dir, '000002-E.json'), 'x');
      for (let i = 1; i < 20; i++) writeFileSync(join(dir, `000002-E-${i}.json`), 'x');
      const skipped = await saveDelivery(dir, { seq: 2, eventName: 'E', format: 'json', body });
      assert.ok('failed' in skipped && /20 names .* already taken/.test(skipped.failed));
      assert.equal(readdirSync(dir).length, 22, 'no temporary file left');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--respond: the n-th status, the last repeats; 200 by default', () => {
    const next = respondSequence([503, 503, 200]);
    assert.deepEqual([next(), next(), next(), next()], [503, 503, 200, 200]);
    const plain = respondSequence([]);
    assert.deepEqual([plain(), plain()], [200, 200]);
  });

  it('scope or role: roles (a list), scp or scope (space-separated)', () => {
    assert.ok(grantsScope({ roles: ['Webhook.Deliver'] }, 'Webhook.Deliver'));
    assert.ok(grantsScope({ scp: 'User.Read Webhook.Deliver' }, 'Webhook.Deliver'));
    assert.ok(grantsScope({ scope: 'webhook' }, 'webhook'));
    assert.ok(!grantsScope({ scp: 'Webhook.Deliver.All' }, 'Webhook.Deliver'));
    assert.ok(!grantsScope({ roles: 'Other' }, 'Webhook.Deliver'));
    assert.ok(!grantsScope({}, 'Webhook.Deliver'));
  });

  it('issuers and audiences pair by position, or one applies to all; otherwise a usage error', () => {
    assert.deepEqual(
      [...pairIssuers(['v1', 'v2'], ['uri', 'id'])],
      [
        ['v1', ['uri']],
        ['v2', ['id']],
      ],
    );
    assert.deepEqual([...pairIssuers(['v2'], ['a', 'b'])], [['v2', ['a', 'b']]]);
    assert.deepEqual(
      [...pairIssuers(['v1', 'v2'], ['a'])],
      [
        ['v1', ['a']],
        ['v2', ['a']],
      ],
    );
    assert.throws(() => pairIssuers(['a', 'b', 'c'], ['x', 'y']), UsageError);
  });

  it('basic and bearer: accepted, refused with a reason that never repeats the credentials', async () => {
    const basic = basicAuthCheck('user', 'pass-Secr3t');
    const header = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
    assert.deepEqual(await basic(header('user', 'pass-Secr3t')), { ok: true, scheme: 'basic' });
    const wrong = await basic(header('user', 'guess-Secr3t'));
    assert.equal(wrong.ok, false);
    assert.ok(!wrong.ok && wrong.reason === 'wrong password' && wrong.status === 401);
    assert.ok(!wrong.ok && /^Basic realm=/.test(wrong.challenge));
    const other = await basic('Bearer abc-Secr3t');
    assert.ok(!other.ok && other.reason.includes('"Bearer"') && !other.reason.includes('abc-Secr3t'));
    assert.ok(!(await basic(undefined)).ok);

    const bearer = bearerAuthCheck('tok-Secr3t');
    assert.deepEqual(await bearer('Bearer tok-Secr3t'), { ok: true, scheme: 'bearer' });
    const bad = await bearer('Bearer tok-Secr3T');
    assert.ok(!bad.ok && !bad.reason.includes('tok-Secr3T') && bad.challenge.includes('invalid_token'));
    const missing = await bearer(undefined);
    assert.ok(!missing.ok && !missing.challenge.includes('error='));
  });

  it('the tally counts deliveries, invalid ones, auth failures and refusals separately', () => {
    const tally = new ListenTally();
    const base = { receivedAt: '', method: 'POST', path: '/', durationMs: 0 };
    tally.add({
      ...base,
      seq: 1,
      status: 200,
      valid: true,
      eventName: 'A',
      auth: { ok: true, scheme: 'none' },
    });
    tally.add({ ...base, seq: 2, status: 200, valid: false, auth: { ok: true, scheme: 'none' } });
    tally.add({ ...base, seq: 3, status: 401, auth: { ok: false, scheme: 'basic', reason: 'x' } });
    tally.add({ ...base, seq: 4, status: 405, method: 'GET' });
    assert.deepEqual(tally.result(), {
      ok: false,
      requests: 4,
      deliveries: 2,
      valid: 1,
      invalid: 1,
      authFailures: 1,
      refused: 1,
      events: { A: 1, unknown: 1 },
    });
  });

  it('logged paths: credential-like query values masked, control characters replaced', () => {
    assert.equal(loggablePath('/hook?access_token=abc.def&x=1'), '/hook?access_token=***&x=1');
    assert.equal(loggablePath('/hook?client_secret=s&code=c'), '/hook?client_secret=***&code=***');
    assert.equal(loggablePath('/a\u001b[31mred'), '/a?[31mred');
    assert.equal(loggablePath('/x'.repeat(2000)).length, 2049);
  });
});
