/**
 * One trust store for every TLS connection of every command: the public roots plus --ca plus
 * NODE_EXTRA_CA_CERTS (Node's convention), never fewer, and never called public when a chain is
 * trusted only through --ca or NODE_EXTRA_CA_CERTS. The grade's HSTS request takes the same proxy
 * decision as the handshakes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CheckTlsReport } from '../../src/commands/check-tls.js';
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js';
import { startGradeServer, type GradeServer } from '../helpers/grade-servers.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { runCli } from '../helpers/run-cli.js';

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
    const run = await runCli(['check-tls', url, '--servername', 'localhost', '--grade', '--json', ...args], {
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
    const trusted = await runCli(['send-sample', receiver.url, '--json'], {
      env: { NODE_EXTRA_CA_CERTS: ROOT_CA_FILE },
    });
    assert.equal(trusted.code, 0, trusted.stderr);
    const refused = await runCli(['send-sample', receiver.url, '--json'], {
      env: { NODE_EXTRA_CA_CERTS: undefined },
    });
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /issued by a CA that is not trusted/);
  });

  it('an unreadable NODE_EXTRA_CA_CERTS file is one line naming it, exit 2', async () => {
    const run = await runCli(['check-tls', url], { env: { NODE_EXTRA_CA_CERTS: 'no-such-extra-ca.pem' } });
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
    const run = await runCli(
      ['check-tls', `https://${HOST}:${server.port}/hook`, '--ca', ROOT_CA_FILE, '--grade', '--json'],
      { env: { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` } },
    );
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as CheckTlsReport;
    assert.equal(report.grade?.hsts?.present, true, 'the HSTS header was read');
    assert.ok(!report.grade?.caps.some((c) => c.id.startsWith('hsts')), 'no HSTS cap');
  });
});
