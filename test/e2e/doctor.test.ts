import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { startOAuthProvider, type OAuthProvider } from '../helpers/oauth-provider.js';
import { ROOT_CA_FILE, startReceiver, type Receiver, type ReceiverOptions } from '../helpers/receiver.js';
import { runCli } from '../helpers/run-cli.js';

const BASIC = { type: 'basic', username: 'tradecloud', password: 'doctor-secret-7f3a9c' } as const;
const AUTH_ARGS = ['--auth', 'basic', '--username', BASIC.username, '--password', BASIC.password];
// Four events keep the runs short; the full lists are exercised by send-sample's tests.
const EVENTS = ['--events', 'OrderIssuedByBuyer,OrderLinesAcceptedBySupplier,OrderLinesCancelledByBuyer'];

interface Check {
  id: string;
  status: string;
  message: string;
  fix?: string;
}

const isInvalidProbe = (body: string) =>
  body.includes('not a list of lines') || body.includes('not an object');

describe('tc-webhook doctor', () => {
  const receivers: Receiver[] = [];
  let dir: string;
  let oauth: OAuthProvider;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tc-webhook-doctor-'));
    oauth = await startOAuthProvider();
  });
  after(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await oauth.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const receiver = async (options: ReceiverOptions) => {
    const r = await startReceiver(options);
    receivers.push(r);
    return r;
  };
  const doctor = (url: string, args: string[]) =>
    runCli(['doctor', url, '--ca', ROOT_CA_FILE, '--yes', ...args]);
  const statusOf = (checks: Check[], id: string) => checks.find((c) => c.id === id)?.status;

  it('a ready endpoint: every check passes, exit 0, in human, JSON and both report files', async () => {
    const r = await receiver({
      auth: BASIC,
      respond: (req) => (isInvalidProbe(req.body) ? { status: 400, body: 'bad payload' } : { status: 202 }),
    });
    const junit = join(dir, 'ready.xml');
    const markdown = join(dir, 'ready.md');
    const human = await doctor(r.url, [...AUTH_ARGS, ...EVENTS, '--report', junit]);
    assert.equal(human.code, 0, human.stderr);
    assert.match(
      human.stdout,
      /! TLS and certificate +the trust check would fail at Tradecloud only because/,
    );
    assert.match(
      human.stdout,
      /Ready but for the certificate: with one from a public CA, Tradecloud can deliver to this endpoint \(14 requests sent\)/,
    );
    assert.match(
      human.stderr,
      /doctor will send 14 requests to \S+: 2 authentication probes, 3 events, 1 invalid payload, 5 bodies with unknown fields, values or events, 1 event twice, 1 GET for the TLS grade \(HSTS\)/,
    );

    const json = await doctor(r.url, [...AUTH_ARGS, ...EVENTS, '--json', '--report', markdown]);
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as {
      ok: boolean;
      verdict: string;
      checks: Check[];
      requestsSent: number;
    };
    assert.equal(report.ok, true);
    assert.equal(report.verdict, 'ready');
    assert.equal(report.requestsSent, 14);
    assert.deepEqual(
      report.checks.map((c) => [c.id, c.status]),
      [
        ['config', 'pass'],
        ['tls', 'warn'],
        ['tls-grade', 'pass'],
        ['auth', 'pass'],
        ['delivery.order', 'pass'],
        ['timing', 'pass'],
        ['status-codes', 'pass'],
        ['forward-compat', 'pass'],
        ['duplicates', 'pass'],
      ],
    );
    // Never more than announced: 2 probes, 3 events, 1 invalid payload, 5 forward-compatibility
    // bodies, 1 event twice, 1 HSTS GET; twice.
    assert.equal(r.requests.length, 28);
    assert.equal(r.requests.filter((q) => q.method === 'GET').length, 2);

    const xml = readFileSync(junit, 'utf8');
    assert.equal(SyntaxValidator.validate(xml), true);
    const suites = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      testsuites: { '@_tests': string; '@_failures': string; testsuite: { testcase: unknown[] } };
    };
    assert.equal(suites.testsuites['@_tests'], '9');
    assert.equal(suites.testsuites['@_failures'], '0');
    assert.equal(suites.testsuites.testsuite.testcase.length, 9);

    const md = readFileSync(markdown, 'utf8');
    const rows = md
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| Check') && !line.startsWith('| ---'));
    assert.equal(rows.length, report.checks.length);
    assert.match(md, /\*\*Ready\*\*/);

    for (const out of [human.stdout, human.stderr, json.stdout, json.stderr, xml, md]) {
      assert.ok(!out.includes(BASIC.password), 'the password never appears');
    }
  });

  it('an endpoint that accepts missing credentials fails the auth check (exit 1)', async () => {
    const r = await receiver({ auth: { type: 'none' } });
    const run = await doctor(r.url, [...AUTH_ARGS, ...EVENTS, '--json']);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { ok: boolean; checks: Check[] };
    assert.equal(report.ok, false);
    const auth = report.checks.find((c) => c.id === 'auth')!;
    assert.equal(auth.status, 'fail');
    assert.match(auth.message, /anyone on the internet can post orders to you/);

    const human = await doctor(r.url, [...AUTH_ARGS, ...EVENTS]);
    assert.equal(human.code, 1);
    assert.match(human.stdout, /✗ Authentication enforced/);
    assert.match(human.stdout, /Not ready/);
  });

  it('an endpoint that answers 500 to a bad payload gets a warning that explains the retry policy (exit 0)', async () => {
    const r = await receiver({
      auth: BASIC,
      respond: (req) =>
        isInvalidProbe(req.body) ? { status: 500, body: 'NullPointerException' } : { status: 200 },
    });
    const run = await doctor(r.url, [...AUTH_ARGS, ...EVENTS, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const check = (JSON.parse(run.stdout) as { checks: Check[] }).checks.find(
      (c) => c.id === 'status-codes',
    )!;
    assert.equal(check.status, 'warn');
    assert.match(check.message, /will not retry/);
    assert.match(check.fix ?? '', /400 .*502\/503/);
  });

  it('a self-signed endpoint fails at TLS and no delivery is attempted', async () => {
    const r = await receiver({ auth: BASIC, certificate: 'self-signed' });
    const run = await doctor(r.url, [...AUTH_ARGS, '--json']);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { checks: Check[]; requestsSent: number };
    assert.equal(statusOf(report.checks, 'tls'), 'fail');
    assert.match(report.checks.find((c) => c.id === 'tls')!.message, /cert\.self-signed/);
    for (const id of ['tls-grade', 'auth', 'delivery', 'timing', 'status-codes'])
      assert.equal(statusOf(report.checks, id), 'skip');
    assert.equal(report.requestsSent, 0);
    assert.equal(r.requests.length, 0);
  });

  it('an endpoint that rejects tXML fails the delivery check for the format', async () => {
    const r = await receiver({
      auth: BASIC,
      respond: (req) =>
        String(req.headers['content-type']).includes('xml')
          ? { status: 415, body: 'JSON only' }
          : { status: 200 },
    });
    const run = await doctor(r.url, [...AUTH_ARGS, ...EVENTS, '--format', 'txml', '--json']);
    assert.equal(run.code, 1, run.stderr);
    const check = (JSON.parse(run.stdout) as { checks: Check[] }).checks.find(
      (c) => c.id === 'delivery.order',
    )!;
    assert.equal(check.status, 'fail');
    assert.match(check.message, /3 of 3 order events not delivered in tXML/);
    assert.match(check.fix ?? '', /refuses tXML/);
    assert.ok(r.requests.some((q) => q.body.startsWith('<?xml')));
  });

  it('OAuth 2.0 with a local provider: delivered, the non-Microsoft authority is a warning', async () => {
    const r = await receiver({ auth: { type: 'oauth2', introspect: oauth.introspect } });
    const run = await doctor(r.url, [
      ...['--auth', 'oauth2', '--token-url', oauth.tokenUrl, '--client-id', oauth.clientId],
      ...[
        '--client-secret',
        oauth.clientSecret,
        '--scope',
        oauth.scope,
        '--events',
        'OrderIssuedByBuyer',
        '--json',
      ],
    ]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { checks: Check[] };
    assert.equal(statusOf(report.checks, 'config'), 'warn');
    assert.equal(statusOf(report.checks, 'auth'), 'pass');
    assert.equal(statusOf(report.checks, 'delivery.order'), 'pass');
    assert.ok(!run.stdout.includes(oauth.clientSecret) && !run.stderr.includes(oauth.clientSecret));
  });

  it('shipment webhooks with OAuth are a configuration Tradecloud does not offer', async () => {
    const r = await receiver({ auth: { type: 'oauth2', introspect: oauth.introspect } });
    const run = await doctor(r.url, [
      ...[
        '--type',
        'shipment',
        '--auth',
        'oauth2',
        '--token-url',
        oauth.tokenUrl,
        '--client-id',
        oauth.clientId,
      ],
      ...[
        '--client-secret',
        oauth.clientSecret,
        '--scope',
        oauth.scope,
        '--events',
        'ShipmentIssuedBySupplier',
        '--json',
      ],
    ]);
    assert.equal(run.code, 1, run.stderr);
    const config = (JSON.parse(run.stdout) as { checks: Check[] }).checks.find((c) => c.id === 'config')!;
    assert.equal(config.status, 'fail');
    assert.match(config.message, /no OAuth 2.0 for shipment webhooks/);
  });

  it('bad input: an unknown event, a report file of unknown kind, an unreachable endpoint (exit 2, one line)', async () => {
    const unknown = await runCli([
      'doctor',
      'https://127.0.0.1:1/',
      '--events',
      'OrderIssuedByBuyr',
      '--yes',
    ]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Did you mean OrderIssuedByBuyer\?/);
    const report = await runCli(['doctor', 'https://127.0.0.1:1/', '--report', 'out.pdf', '--yes']);
    assert.equal(report.code, 2);
    assert.match(report.stderr, /--report out\.pdf: unknown report format/);
    const refused = await runCli(['doctor', 'https://127.0.0.1:1/', '--yes', '--timeout', '2000']);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /cannot connect to 127\.0\.0\.1:1/);
    for (const r of [unknown, report, refused]) {
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  });
});
