/**
 * Delivery as Tradecloud does it, where the other tests stop: scenario with every authentication
 * method (basic, bearer, OAuth 2.0 from a real oidc-provider) and through a real forward proxy;
 * doctor with --retry, --retry-cap-ms and --max-retry-time (above 500 retried, and the report says
 * Tradecloud would keep retrying; 4xx and 500 lost for good, never retried).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js';
import { startOAuthProvider, type OAuthProvider } from '../helpers/oauth-provider.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { TEST_TMPDIR } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

const CA = ['--ca', ROOT_CA_FILE, '--timeout', '5000'];
const dir = mkdtempSync(join(TEST_TMPDIR, 'delivery-gaps-'));
const isInvalidProbe = (body: string) =>
  body.includes('not a list of lines') || body.includes('not an object');

interface StepJson {
  status: number;
  met: boolean;
  outcome: string;
}

describe('scenario with every authentication method, and through a proxy', () => {
  let oauth: OAuthProvider;
  const receivers: Receiver[] = [];
  let proxy: ForwardProxy;
  const file = join(dir, 'two-steps.json');
  before(async () => {
    oauth = await startOAuthProvider();
    proxy = await startForwardProxy({ hosts: { 'webhook.proxied.test': '127.0.0.1' } });
    writeFileSync(
      file,
      JSON.stringify({ steps: [{ event: 'OrderIssuedByBuyer' }, { event: 'OrderLinesAcceptedBySupplier' }] }),
    );
  });
  after(async () => {
    await Promise.all([oauth.close(), proxy.close(), ...receivers.map((r) => r.close())]);
    rmSync(dir, { recursive: true, force: true });
  });
  const receiver = async (options: Parameters<typeof startReceiver>[0]) => {
    const r = await startReceiver(options);
    receivers.push(r);
    return r;
  };
  const scenario = async (url: string, extra: string[], env: Record<string, string> = {}) => {
    const run = await runMain(['scenario', url, file, '--yes', '--json', ...CA, ...extra], { env });
    return {
      ...run,
      report: JSON.parse(run.stdout || '{}') as { auth: string; steps: StepJson[]; proxy?: string },
    };
  };

  it('basic, bearer and oauth2: every step authorised; wrong credentials are steps not met (401, lost for good)', async () => {
    const basic = await receiver({ auth: { type: 'basic', username: 'tc', password: 'basic-pass-3e9' } });
    const ok = await scenario(basic.url, ['--auth', 'basic', '--username', 'tc'], {
      TC_WEBHOOK_PASSWORD: 'basic-pass-3e9',
    });
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.report.auth, 'basic');
    assert.ok(basic.requests.every((r) => r.authorized));
    assert.ok(!ok.stdout.includes('basic-pass-3e9') && !ok.stderr.includes('basic-pass-3e9'));
    const wrong = await scenario(basic.url, [
      '--auth',
      'basic',
      '--username',
      'tc',
      '--password',
      'nope-nope-1',
    ]);
    assert.equal(wrong.code, 1);
    assert.deepEqual(
      wrong.report.steps.map((s) => [s.status, s.outcome, s.met]),
      [
        [401, 'rejected', false],
        [401, 'rejected', false],
      ],
    );

    const bearer = await receiver({ auth: { type: 'bearer', token: 'bearer-tok-7a1c' } });
    const viaBearer = await scenario(bearer.url, ['--token', 'bearer-tok-7a1c']);
    assert.equal(viaBearer.code, 0, viaBearer.stderr);
    assert.equal(viaBearer.report.auth, 'bearer');
    assert.equal(bearer.requests.filter((r) => r.authorized).length, 2);

    const protectedByOauth = await receiver({ auth: { type: 'oauth2', introspect: oauth.introspect } });
    const before = oauth.tokenRequests;
    const viaOauth = await scenario(
      protectedByOauth.url,
      [
        ...['--auth', 'oauth2', '--token-url', oauth.tokenUrl],
        ...['--client-id', oauth.clientId, '--scope', oauth.scope],
      ],
      { TC_WEBHOOK_CLIENT_SECRET: oauth.clientSecret },
    );
    assert.equal(viaOauth.code, 0, viaOauth.stderr);
    assert.equal(viaOauth.report.auth, 'oauth2');
    assert.equal(oauth.tokenRequests - before, 1, 'one token for the whole scenario');
    assert.equal(protectedByOauth.requests.filter((r) => r.authorized).length, 2);
    const token = String(protectedByOauth.requests[0]!.headers.authorization).replace(/^Bearer /, '');
    assert.ok(!viaOauth.stdout.includes(token) && !viaOauth.stderr.includes(token), 'the token never shows');
  });

  it('through a forward proxy: every step tunnelled, and the report names the proxy', async () => {
    const target = await receiver({ certificate: 'proxied' });
    const url = `https://webhook.proxied.test:${target.port}/webhook`;
    const run = await scenario(url, ['--proxy', proxy.url]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(target.requests.length, 2);
    assert.ok(
      proxy.connects.length > 0 && proxy.connects.every((c) => c === `webhook.proxied.test:${target.port}`),
    );
    assert.equal(run.report.proxy, proxy.url.replace(/\/$/, ''));
  });
});

describe('doctor --retry with --retry-cap-ms and --max-retry-time', () => {
  const RETRY = ['--retry', '--retry-base-ms', '1', '--retry-cap-ms', '5', '--max-retries', '50'];
  const doctor = async (status: number) => {
    const receiver = await startReceiver({
      auth: { type: 'bearer', token: 'doctor-retry-tok-1' },
      respond: (req) => (isInvalidProbe(req.body) ? { status: 400 } : { status }),
    });
    try {
      const run = await runMain([
        ...['doctor', receiver.url, '--yes', '--json', '--events', 'OrderIssuedByBuyer', ...CA],
        ...['--token', 'doctor-retry-tok-1', ...RETRY, '--max-retry-time', '200ms'],
      ]);
      const report = JSON.parse(run.stdout) as {
        requestsPlanned: number;
        deliveries: Array<{ status: number; outcome: string; note?: string }>;
      };
      const events = receiver.requests.filter(
        (r) => r.authorized && r.body.includes('"OrderIssuedByBuyer"') && !isInvalidProbe(r.body),
      );
      // Retries repeat a body byte for byte; without them an authorised body goes at most twice (duplicates).
      const copies = new Map<string, number>();
      for (const r of receiver.requests.filter((q) => q.authorized))
        copies.set(r.body, (copies.get(r.body) ?? 0) + 1);
      return { ...run, report, events, mostCopies: Math.max(...copies.values()) };
    } finally {
      await receiver.close();
    }
  };

  it('an answer above 500 is retried until --max-retry-time; the report says Tradecloud would keep retrying', async () => {
    const run = await doctor(503);
    assert.equal(run.code, 1);
    const delivery = run.report.deliveries[0]!;
    assert.equal(delivery.outcome, 'gave-up');
    assert.match(delivery.note ?? '', /Tradecloud itself would keep retrying without end.*not published/);
    assert.ok(run.mostCopies > 2, `retried: one body sent ${run.mostCopies} times`);
  });

  it('4xx and 500 are lost for good: sent once, never retried', async () => {
    const sent: number[] = [];
    for (const status of [422, 500]) {
      const run = await doctor(status);
      sent.push(run.events.length);
      assert.ok(run.mostCopies <= 2, `not retried: ${run.mostCopies}`);
      assert.equal(run.code, 1);
      const delivery = run.report.deliveries[0]!;
      assert.deepEqual([delivery.status, delivery.outcome], [status, 'rejected']);
      assert.match(delivery.note ?? '', /will not retry|does not retry/);
    }
    // The same plan, no retries: as many requests for 422 as for 500.
    assert.equal(sent[0], sent[1]);
  });
});
