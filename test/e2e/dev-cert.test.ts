import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TEST_TMPDIR } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

const work = mkdtempSync(join(TEST_TMPDIR, 'dev-cert-'));

const opensslAvailable = spawnSync('openssl', ['version']).status === 0;

describe('dev-cert', () => {
  it('makes a CA with name constraints and a 90-day P-256 leaf for localhost, 127.0.0.1, ::1 and each --name', async () => {
    const cwd = join(work, 'fresh');
    mkdirSync(cwd);
    const r = await runMain(['dev-cert', '--name', 'hook.test', '--name', '10.0.0.7'], { cwd });
    assert.equal(r.code, 0, r.stderr);
    const dir = join(cwd, 'tc-webhook-dev-cert');
    const ca = new X509Certificate(readFileSync(join(dir, 'ca.pem')));
    const leaf = new X509Certificate(readFileSync(join(dir, 'cert.pem')));
    assert.equal(ca.ca, true);
    assert.equal(leaf.ca, false);
    assert.ok(leaf.checkIssued(ca) && leaf.verify(ca.publicKey), 'the CA issued and signed the leaf');
    assert.equal(
      leaf.subjectAltName,
      'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:hook.test, IP Address:10.0.0.7',
    );
    for (const cert of [ca, leaf]) {
      assert.equal(cert.publicKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
      const days = (Date.parse(cert.validTo) - Date.now()) / 86_400_000;
      assert.ok(days > 89 && days <= 90, `valid 90 days, got ${days}`);
    }
    // The keys belong to the certificates, and only their owner may read them.
    const key = createPrivateKey(readFileSync(join(dir, 'key.pem')));
    assert.ok(leaf.checkPrivateKey(key));
    assert.ok(ca.checkPrivateKey(createPrivateKey(readFileSync(join(dir, 'ca-key.pem')))));
    for (const name of ['key.pem', 'ca-key.pem'])
      assert.equal(statSync(join(dir, name)).mode & 0o777, 0o600, name);
    assert.deepEqual(readdirSync(dir).sort(), [
      'ca-key.pem',
      'ca.pem',
      'cert.pem',
      'key.pem',
      'tc-webhook-dev-cert.json',
    ]);
    const manifest = JSON.parse(readFileSync(join(dir, 'tc-webhook-dev-cert.json'), 'utf8')) as {
      files: Record<string, string>;
      names: string[];
    };
    assert.deepEqual(Object.keys(manifest.files).sort(), ['ca-key.pem', 'ca.pem', 'cert.pem', 'key.pem']);
    assert.deepEqual(manifest.names, ['localhost', '127.0.0.1', '::1', 'hook.test', '10.0.0.7']);
    // It prints the files and the exact flags.
    assert.match(
      r.stdout,
      /tc-webhook listen --cert tc-webhook-dev-cert\/cert\.pem --key tc-webhook-dev-cert\/key\.pem/,
    );
    assert.match(r.stdout, /--ca tc-webhook-dev-cert\/ca\.pem/);
    assert.match(r.stdout, /never install this CA in the system trust store or NODE_EXTRA_CA_CERTS/i);
  });

  it(
    'openssl verifies the leaf against the CA, and the name constraints hold',
    { skip: !opensslAvailable && 'openssl is not installed' },
    async () => {
      const cwd = join(work, 'openssl');
      mkdirSync(cwd);
      assert.equal((await runMain(['dev-cert', '--dir', 'certs'], { cwd })).code, 0);
      const verify = spawnSync('openssl', ['verify', '-CAfile', 'certs/ca.pem', 'certs/cert.pem'], {
        cwd,
        encoding: 'utf8',
      });
      assert.equal(verify.status, 0, verify.stderr);
      assert.match(verify.stdout, /cert\.pem: OK/);
      const text = spawnSync('openssl', ['x509', '-in', 'certs/ca.pem', '-noout', '-text'], {
        cwd,
        encoding: 'utf8',
      }).stdout;
      assert.match(
        text,
        /Name Constraints: critical\s+Permitted:\s+DNS:localhost\s+IP:127\.0\.0\.1\/255\.255\.255\.255\s+IP:0:0:0:0:0:0:0:1\/FFFF:/,
      );
      assert.match(text, /CA:TRUE, pathlen:0/);
    },
  );

  it('--json prints what it made; a second run replaces its own files', async () => {
    const cwd = join(work, 'again');
    mkdirSync(cwd);
    const first = await runMain(['dev-cert', '--json'], { cwd });
    const second = await runMain(['dev-cert', '--json'], { cwd });
    assert.equal(second.code, 0, second.stderr);
    const a = JSON.parse(first.stdout) as { replaced: boolean; flags: { listen: string; trust: string } };
    const b = JSON.parse(second.stdout) as { replaced: boolean };
    assert.equal(a.replaced, false);
    assert.equal(b.replaced, true);
    assert.equal(a.flags.listen, '--cert tc-webhook-dev-cert/cert.pem --key tc-webhook-dev-cert/key.pem');
    assert.equal(a.flags.trust, '--ca tc-webhook-dev-cert/ca.pem');
  });

  it('never overwrites a file it did not make: exit 2, input.exists, nothing written', async () => {
    const cwd = join(work, 'foreign');
    mkdirSync(join(cwd, 'tls'), { recursive: true });
    writeFileSync(join(cwd, 'tls', 'key.pem'), 'my own key');
    const r = await runMain(['dev-cert', '--dir', 'tls', '--json'], { cwd });
    assert.equal(r.code, 2);
    assert.equal((JSON.parse(r.stdout) as { error: { code: string } }).error.code, 'input.exists');
    assert.equal(
      r.stderr,
      'tc-webhook: tls/key.pem exists and was not made by tc-webhook dev-cert; it is left as it is. Choose another --dir, or move that file away\n',
    );
    assert.equal(readFileSync(join(cwd, 'tls', 'key.pem'), 'utf8'), 'my own key');
    assert.deepEqual(readdirSync(join(cwd, 'tls')), ['key.pem']);
    // A file of its own that was edited since is no longer its own either.
    assert.equal((await runMain(['dev-cert', '--dir', 'mine'], { cwd })).code, 0);
    writeFileSync(join(cwd, 'mine', 'cert.pem'), 'edited');
    const edited = await runMain(['dev-cert', '--dir', 'mine'], { cwd });
    assert.equal(edited.code, 2);
    assert.match(edited.stderr, /mine\/cert\.pem exists and was not made by tc-webhook dev-cert/);
  });

  it('a --name that is neither a host name nor an address is a usage error', async () => {
    const r = await runMain(['dev-cert', '--name', '*.example.com'], { cwd: work });
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr,
      'tc-webhook: --name "*.example.com" is neither a host name nor an IP address. Give each host name on its own --name (wildcards are not issued)\n',
    );
  });
});
