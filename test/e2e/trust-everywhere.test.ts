/**
 * One trust store for every TLS connection of every command: the public roots plus --ca plus
 * NODE_EXTRA_CA_CERTS (Node's convention), never fewer, and never called public when a chain is
 * trusted only through --ca or NODE_EXTRA_CA_CERTS. The grade's HSTS request takes the same proxy
 * decision as the handshakes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CheckTlsReport } from '../../src/commands/check-tls.js';
import type { DoctorReport } from '../../src/core/doctor/doctor-types.js';
import type { ScenarioRunReport } from '../../src/core/scenario/scenario-report.js';
import type { SendSampleDeliveryReport } from '../../src/report/send-sample-report.js';
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js';
import { startGradeServer, type GradeServer } from '../helpers/grade-servers.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { runMain } from '../helpers/run-main.js';

const YEAR = 'max-age=31536000; includeSubDomains';
const trustedCheck = (report: CheckTlsReport) => report.checks.find((c) => c.id === 'cert.trusted')!;

describe('the trust store', () => {
  let server: GradeServer;
  let receiver: Receiver;
  let url: string;
  before(async () => {
    server = await startGradeServer({ key: 'good.key', cert: 'good-chain.pem', hsts: YEAR });
    receiver = await startReceiver();
    url = `https://127.0.0.1:${server.port}/hook`;
  });
  after(async () => {
    await server.close();
    await receiver.close();
  });

  const checkTls = async (args: string[], env: Record<string, string | undefined> = {}) => {
    const run = await runMain(['check-tls', url, '--servername', 'localhost', '--grade', '--json', ...args], {
      env: { NODE_EXTRA_CA_CERTS: undefined, ...env },
    });
    return { run, report: JSON.parse(run.stdout) as CheckTlsReport };
  };

  it('NODE_EXTRA_CA_CERTS counts like --ca in check-tls (handshakes and HSTS request), named, never "public"', async () => {
    const viaEnv = await checkTls([], { NODE_EXTRA_CA_CERTS: ROOT_CA_FILE });
    assert.equal(viaEnv.run.code, 0, viaEnv.run.stderr);
    const check = trustedCheck(viaEnv.report);
    assert.equal(check.status, 'pass');
    assert.match(
      check.message,
      /trusted here only through NODE_EXTRA_CA_CERTS \(.*root-ca\.pem\), not publicly/,
    );
    assert.doesNotMatch(check.message, /public root/);
    assert.equal(viaEnv.report.grade?.hsts?.present, true, 'the HSTS request trusted the same root');

    const viaFlag = await checkTls(['--ca', ROOT_CA_FILE]);
    assert.equal(viaFlag.run.code, 0, viaFlag.run.stderr);
    assert.match(trustedCheck(viaFlag.report).message, /trusted here only through --ca \(.*root-ca\.pem\)/);
    assert.deepEqual(viaFlag.report.grade?.hsts, viaEnv.report.grade?.hsts);

    const neither = await checkTls([]);
    assert.equal(neither.run.code, 1);
    assert.equal(trustedCheck(neither.report).status, 'fail');
  });

  it('send-sample trusts exactly what check-tls trusts: NODE_EXTRA_CA_CERTS delivers, nothing refuses', async () => {
    const trusted = await runMain(['send-sample', receiver.url, '--json'], {
      env: { NODE_EXTRA_CA_CERTS: ROOT_CA_FILE },
    });
    assert.equal(trusted.code, 0, trusted.stderr);
    const refused = await runMain(['send-sample', receiver.url, '--json'], {
      env: { NODE_EXTRA_CA_CERTS: undefined },
    });
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /issued by a CA that is not trusted/);
  });

  it('send-sample says the endpoint was trusted only through --ca or NODE_EXTRA_CA_CERTS, naming the file', async () => {
    const viaFlag = await runMain(['send-sample', receiver.url, '--ca', ROOT_CA_FILE, '--json']);
    assert.equal(viaFlag.code, 0, viaFlag.stderr);
    const flagged = JSON.parse(viaFlag.stdout) as SendSampleDeliveryReport;
    assert.deepEqual(flagged.trust, { source: '--ca', file: ROOT_CA_FILE, root: flagged.trust?.root });
    assert.match(flagged.trust.root, /CN=/);

    const viaEnv = await runMain(['send-sample', receiver.url, '--json'], {
      env: { NODE_EXTRA_CA_CERTS: ROOT_CA_FILE },
    });
    assert.equal(viaEnv.code, 0, viaEnv.stderr);
    const env = JSON.parse(viaEnv.stdout) as SendSampleDeliveryReport;
    assert.equal(env.trust?.source, 'NODE_EXTRA_CA_CERTS');
    assert.equal(env.trust?.file, ROOT_CA_FILE);

    const human = await runMain(['send-sample', receiver.url, '--ca', ROOT_CA_FILE]);
    assert.equal(human.code, 0, human.stderr);
    assert.ok(
      human.stdout.includes(
        `! the endpoint's certificate is trusted here only through --ca ${ROOT_CA_FILE} (root "${flagged.trust.root}"), not by a public CA: Tradecloud would refuse it`,
      ),
      human.stdout,
    );
  });

  it('a burst says it once; with both sources given, the --ca file is named', async () => {
    const burst = await runMain(
      ['send-sample', receiver.url, '--ca', ROOT_CA_FILE, '--count', '3', '--concurrency', '2', '--json'],
      { env: { NODE_EXTRA_CA_CERTS: ROOT_CA_FILE } },
    );
    assert.equal(burst.code, 0, burst.stderr);
    // --ca comes first in the trust store: the root is named once, from the flag.
    assert.equal((JSON.parse(burst.stdout) as SendSampleDeliveryReport).trust?.source, '--ca');
  });

  it('scenario says so too, in JSON and in words (and counts NODE_EXTRA_CA_CERTS)', async () => {
    const json = await runMain(['scenario', receiver.url, 'single-delivery', '--yes', '--json'], {
      env: { NODE_EXTRA_CA_CERTS: ROOT_CA_FILE },
    });
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as ScenarioRunReport;
    assert.equal(report.trust?.source, 'NODE_EXTRA_CA_CERTS');
    assert.equal(report.trust?.file, ROOT_CA_FILE);

    const human = await runMain(['scenario', receiver.url, 'single-delivery', '--yes', '--ca', ROOT_CA_FILE]);
    assert.equal(human.code, 0, human.stderr);
    assert.match(
      human.stdout,
      /! the endpoint's certificate is trusted here only through --ca \S*root-ca\.pem/,
    );
  });

  it('doctor names NODE_EXTRA_CA_CERTS and its file in its TLS check', async () => {
    const run = await runMain(['doctor', receiver.url, '--yes', '--json', '--events', 'OrderIssuedByBuyer'], {
      env: { NODE_EXTRA_CA_CERTS: ROOT_CA_FILE },
    });
    assert.notEqual(run.code, 2, run.stderr);
    const tls = (JSON.parse(run.stdout) as DoctorReport).checks.find((c) => c.id === 'tls');
    assert.equal(tls?.status, 'warn');
    assert.match(tls.message, /trusted through NODE_EXTRA_CA_CERTS \S*root-ca\.pem/);
  });

  it('an unreadable NODE_EXTRA_CA_CERTS file is one line naming it, exit 2', async () => {
    const run = await runMain(['check-tls', url], { env: { NODE_EXTRA_CA_CERTS: 'no-such-extra-ca.pem' } });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot read NODE_EXTRA_CA_CERTS file "no-such-extra-ca\.pem"/);
    assert.equal(run.stdout, '');
  });
});

describe('the grade through a proxy', () => {
  const HOST = 'webhook.proxied.test';
  let server: GradeServer;
  let proxy: ForwardProxy;
  before(async () => {
    server = await startGradeServer({ key: 'proxied.key', cert: 'proxied-chain.pem', hsts: YEAR });
    proxy = await startForwardProxy({ hosts: { [HOST]: '127.0.0.1' } });
  });
  after(async () => {
    await server.close();
    await proxy.close();
  });

  it('sends its HSTS request through the proxy the handshakes took (the name resolves only there)', async () => {
    const run = await runMain(
      ['check-tls', `https://${HOST}:${server.port}/hook`, '--ca', ROOT_CA_FILE, '--grade', '--json'],
      { env: { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` } },
    );
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as CheckTlsReport;
    assert.equal(report.grade?.hsts?.present, true, 'the HSTS header was read');
    assert.ok(!report.grade?.caps.some((c) => c.id.startsWith('hsts')), 'no HSTS cap');
  });

  it('send-sample through the proxy still names the --ca file the tunnelled chain was trusted through', async () => {
    const run = await runMain(
      ['send-sample', `https://${HOST}:${server.port}/hook`, '--ca', ROOT_CA_FILE, '--json'],
      { env: { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` } },
    );
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as SendSampleDeliveryReport;
    assert.equal(report.proxy, `http://127.0.0.1:${proxy.port}`);
    assert.equal(report.trust?.source, '--ca');
    assert.equal(report.trust?.file, ROOT_CA_FILE);
  });
});
