/**
 * A grade a server cannot improve by misbehaving (docs/tls-grade.md, "Unknown answers"): a probe that
 * times out is unknown, not "not accepted"; a reset right after the ClientHello is a refusal only when
 * a control handshake succeeds right after; the grade says whether it is complete, and --min-grade
 * fails an incomplete one. Through the real CLI against real loopback servers.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { CheckTlsReport } from '../../src/commands/check-tls.js';
import { startServerHelloServer, type GradeServer } from '../helpers/grade-servers.js';
import { startFrontedServer } from '../helpers/misbehaving-servers.js';
import { runMain } from '../helpers/run-main.js';
import { cert } from '../helpers/tls-servers.js';

const ROOT_CA = ['--ca', cert('root-ca.pem')];
const servers: GradeServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

async function grade(server: GradeServer, extra: string[] = []) {
  const target = `https://127.0.0.1:${server.port}/`;
  const args = ['check-tls', target, '--servername', 'localhost', ...ROOT_CA, '--timeout', '1500', ...extra];
  const json = await runMain([...args, '--json']);
  return { json, report: JSON.parse(json.stdout) as CheckTlsReport, human: () => runMain(args) };
}

describe('check-tls --grade: unknown answers', () => {
  it('a server that goes silent after the protocol probe: incomplete, null where unknown, --min-grade fails', async () => {
    // The protocol probe's five handshakes are served; every later connection gets no answer.
    const server = await startFrontedServer((index) => (index < 5 ? 'serve' : 'silent'));
    servers.push(server);
    const { json, report } = await grade(server, ['--min-grade', 'F']);
    assert.equal(json.code, 1, json.stderr);
    const g = report.grade!;
    assert.equal(g.complete, false);
    assert.ok(g.unknown.includes('TLS 1.2 suites: no answer in time'), g.unknown.join('\n'));
    assert.ok(g.unknown.includes('TLS 1.3 suites: no answer in time'), g.unknown.join('\n'));
    assert.equal(g.ocspStapling, null);
    assert.equal(g.ssl3, null);
    assert.deepEqual(g.minimum, { letter: 'F', met: false });
    // The protocols themselves were answered.
    assert.deepEqual(report.protocols, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
    assert.ok(!g.caps.some((c) => c.id === 'kx.insecure'));
  });

  it('the human report says incomplete, never "TLS 1.3 suites (0)", and why --min-grade failed', async () => {
    const server = await startFrontedServer((index) => (index < 5 ? 'serve' : 'silent'));
    servers.push(server);
    const target = `https://127.0.0.1:${server.port}/`;
    const run = await runMain([
      'check-tls',
      target,
      '--servername',
      'localhost',
      ...ROOT_CA,
      '--timeout',
      '1500',
      '--min-grade',
      'F',
    ]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /Incomplete: .*TLS 1\.3 suites: no answer in time/);
    assert.doesNotMatch(run.stdout, /suites \(0/);
    assert.match(run.stdout, /TLS 1\.3 suites \(unknown\)/);
    assert.match(run.stdout, /OCSP staple\s+unknown/);
    assert.match(
      run.stdout.trimEnd().split('\n').at(-1)!,
      /^FAILED: the grade is incomplete \(.*\), so it cannot meet --min-grade F; no check failed$/,
    );
  });

  it('a server answering every ClientHello with handshake_failure: F for that, no key cap, complete', async () => {
    const server = await startServerHelloServer({ version: 0x0305, suites: [] });
    servers.push(server);
    const { json, human: runHuman, report } = await grade(server, ['--grade']);
    const human = await runHuman();
    assert.equal(json.code, 1, json.stderr);
    const g = report.grade!;
    assert.equal(report.certificate, null);
    assert.equal(g.letter, 'F');
    assert.deepEqual(
      g.caps.map((c) => c.id),
      ['protocol.none', 'hsts.unknown'],
    );
    assert.equal(g.complete, true);
    assert.doesNotMatch(human.stdout, /1024 bits/);
    assert.match(human.stdout, /no handshake succeeded with any version/);
  });

  it('a load balancer that resets old versions: refused (control handshakes succeed), complete', async () => {
    const server = await startFrontedServer((_index, version) => (version < 0x0303 ? 'reset' : 'serve'));
    servers.push(server);
    const { json, report } = await grade(server, ['--min-grade', 'A']);
    assert.equal(json.code, 0, json.stdout);
    const g = report.grade!;
    assert.equal(g.complete, true, g.unknown.join('\n'));
    assert.deepEqual(g.unknown, []);
    assert.equal(g.ssl3, false);
    assert.deepEqual(report.protocols, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
    assert.equal(report.checks.find((c) => c.id === 'tls.legacy')?.status, 'pass');
  });
});
