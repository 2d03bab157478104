/**
 * doctor's TLS step against real TLS servers: a finding stops it before anything is sent, and a
 * server that stalls cannot make it hang.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ROOT_CA_FILE } from '../helpers/receiver.js';
import { runCli } from '../helpers/run-cli.js';
import { startStallingTlsServer, startTlsServer, type RunningServer } from '../helpers/tls-servers.js';

interface Check {
  id: string;
  status: string;
  message: string;
  details?: string[];
}

describe('doctor: the TLS step', () => {
  const servers: RunningServer[] = [];
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  for (const [name, versions] of [
    ['TLS 1.3', { minVersion: 'TLSv1.3' }],
    ['TLS 1.2', { maxVersion: 'TLSv1.2' }],
  ] as const) {
    it(`an endpoint that demands a client certificate (${name}) fails at TLS; nothing is sent`, async () => {
      const server = await startTlsServer({
        key: 'good.key',
        cert: 'good-chain.pem',
        ...versions,
        clientCertificate: 'require',
      });
      servers.push(server);
      const url = `https://127.0.0.1:${server.port}/webhook`;
      const run = await runCli(['doctor', url, '--ca', ROOT_CA_FILE, '--yes', '--json']);
      assert.equal(run.code, 1, run.stderr);
      const report = JSON.parse(run.stdout) as { checks: Check[]; requestsSent: number };
      const tls = report.checks.find((c) => c.id === 'tls')!;
      assert.equal(tls.status, 'fail');
      assert.match(tls.message, /tls\.client-cert failed/);
      assert.match(tls.details?.join('\n') ?? '', /demands a client certificate/);
      assert.equal(report.requestsSent, 0);
      assert.equal(server.appBytes(), 0, 'no request reached the server');
    });
  }

  it('a TLS server that stalls mid-handshake: --timeout ends it, exit 2, one line', async () => {
    const stalling = await startStallingTlsServer();
    servers.push(stalling);
    const url = `https://127.0.0.1:${stalling.port}/webhook`;
    for (const args of [
      ['doctor', url, '--yes', '--timeout', '1500'],
      ['check-tls', url, '--timeout', '1500'],
    ]) {
      const run = await runCli(args, { killAfterMs: 30_000 });
      assert.notEqual(run.code, null, `${args[0]} did not hang`);
      assert.equal(run.code, 2, run.stderr);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.match(
        run.stderr,
        /^tc-webhook: 127\.0\.0\.1:\d+ accepted the connection but did not answer the TLS handshake within 1500 ms\./,
      );
    }
  });
});
