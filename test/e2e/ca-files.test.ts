import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../helpers/run-cli.js';
import { cert } from '../helpers/tls-servers.js';

/** Every command reads --ca files with one reader: the same refusal, in the same words, exit 2. */
describe('--ca files: one reader for every command', () => {
  let dir: string;
  let corrupt: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tc-webhook-ca-'));
    corrupt = join(dir, 'corrupt.pem');
    // A PEM block whose base64 is intact but whose DER is not a certificate.
    const der = Buffer.from('3003020101', 'hex').toString('base64');
    writeFileSync(corrupt, `-----BEGIN CERTIFICATE-----\n${der}\n-----END CERTIFICATE-----\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const commands = (ca: string): string[][] => [
    ['check-tls', 'https://127.0.0.1:9', '--ca', ca],
    ['send-sample', 'https://127.0.0.1:9/hook', '--ca', ca],
    ['doctor', 'https://127.0.0.1:9/hook', '--ca', ca, '--yes'],
    ['listen', '--http', '--port', '0', '--max-requests', '1', '--ca', ca],
  ];

  for (const [name, ca, expected] of [
    [
      'a missing file',
      () => 'no-such-ca.pem',
      /^tc-webhook: cannot read --ca file "no-such-ca\.pem": no such file or directory\. /,
    ],
    [
      'a file without a certificate',
      () => cert('good.key'),
      /--ca file ".*good\.key" contains no PEM certificate\. /,
    ],
    [
      'a corrupt certificate',
      () => corrupt,
      /--ca file ".*corrupt\.pem" holds a certificate that cannot be read\. /,
    ],
  ] as const) {
    it(`${name}: exit 2 with the same line from check-tls, send-sample, doctor and listen`, async () => {
      for (const args of commands(ca())) {
        const run = await runCli(args, { killAfterMs: 20_000 });
        assert.equal(run.code, 2, `${args[0]}: ${run.stderr}`);
        assert.match(run.stderr, expected, args[0]);
        assert.equal(run.stderr.trim().split('\n').length, 1, `${args[0]}: one line`);
        assert.equal(run.stdout, '', args[0]);
      }
    });
  }
});
