import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cert } from '../helpers/tls-servers.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const PAYLOAD = join(ROOT, 'fixtures/specs/payloads/order-swagger2-valid.json');
const SECRET = 'pa55-do-not-print';

/** A Swagger 2.0 spec whose body schema is the given `$ref`. */
function specWithRef(ref: string): string {
  return [
    'swagger: "2.0"',
    'info: { title: t, version: "1" }',
    'paths:',
    '  /hook:',
    '    post:',
    '      parameters:',
    '        - in: body',
    '          name: body',
    `          schema: { $ref: ${JSON.stringify(ref)} }`,
    '      responses: { 200: { description: ok } }',
    '',
  ].join('\n');
}

function assertOneLine(r: { code: number | null; stdout: string; stderr: string }, message: RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^tc-webhook: [^\n]+\n$/);
  assert.match(r.stderr, message);
  assert.doesNotMatch(r.stderr, /internal error|TypeError| {4}at /);
}

describe('tc-webhook validate --spec: what a spec may reach', () => {
  const home = mkdtempSync(join(tmpdir(), 'tcw-spec-bounds-'));
  const specs = join(home, 'specs');
  const outside = join(home, 'outside');
  after(() => rmSync(home, { recursive: true, force: true }));
  mkdirSync(specs);
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.yaml'), 'Body:\n  type: object\n  description: TOP-SECRET-CONTENT\n');
  symlinkSync(join(outside, 'secret.yaml'), join(specs, 'linked.yaml'));
  writeFileSync(join(specs, 'notes.txt'), 'TOP-SECRET-CONTENT is in this plain text file\n');
  writeFileSync(join(specs, 'body.yaml'), 'Body:\n  type: object\n  required: [eventName]\n');

  const refused: [string, string, RegExp][] = [
    ['proc-environ', 'file:///proc/self/environ#/x', /\$ref to \/proc\/self\/environ, which is refused/],
    ['etc-passwd', '/etc/passwd#/root', /\$ref to \/etc\/passwd, which is refused/],
    ['dot-dot', '../../../../../../etc/shadow', /\$ref to \/etc\/shadow, which is refused/],
    ['sibling-folder', '../outside/secret.yaml#/Body', /which is refused: it is outside the spec folder/],
    ['symlink-out', './linked.yaml#/Body', /which is refused: it leads outside the spec folder/],
    ['remote', 'http://127.0.0.1:9/body.yaml#/Body', /which is refused/],
  ];
  for (const [name, ref, message] of refused) {
    it(`refuses a $ref outside the spec folder (${name}), shows nothing of it: exit 2, one line`, async () => {
      writeFileSync(join(specs, `${name}.yaml`), specWithRef(ref));
      const r = await runCli(['validate', '--spec', join(specs, `${name}.yaml`), PAYLOAD], {
        env: { TC_WEBHOOK_PASSWORD: SECRET },
      });
      assertOneLine(r, message);
      assert.doesNotMatch(r.stderr, new RegExp(`${SECRET}|TOP-SECRET|root:|PATH=`));
    });
  }

  it('follows a $ref to a file in the spec folder', async () => {
    writeFileSync(join(specs, 'inside.yaml'), specWithRef('./body.yaml#/Body'));
    const r = await runCli(['validate', '--spec', join(specs, 'inside.yaml'), PAYLOAD]);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
  });

  it('a spec over --max-size is not read: exit 2, one line', async () => {
    writeFileSync(join(specs, 'large.yaml'), `${specWithRef('./body.yaml#/Body')}# ${'x'.repeat(2000)}\n`);
    const r = await runCli(['validate', '--max-size', '1000', '--spec', join(specs, 'large.yaml'), PAYLOAD]);
    assertOneLine(r, /the spec .*large\.yaml is too large: \d+ bytes, over the input limit of 1000 bytes/);
  });

  it('never echoes a referenced file that is not a YAML or JSON object', async () => {
    writeFileSync(join(specs, 'text.yaml'), specWithRef('./notes.txt#/x'));
    const r = await runCli(['validate', '--spec', join(specs, 'text.yaml'), PAYLOAD]);
    assertOneLine(r, /text\.yaml: a \$ref points into something that is not a YAML or JSON object/);
    assert.doesNotMatch(r.stderr, /TOP-SECRET/);
  });

  it('a YAML alias bomb is a spec that cannot be used: exit 2, one line', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [i, c] of [...'bcdefghi'].entries()) {
      const prev = 'abcdefghi'[i]!;
      lines.push(`${c}: &${c} [${Array.from({ length: 9 }, () => `*${prev}`).join(',')}]`);
    }
    writeFileSync(join(specs, 'bomb.yaml'), lines.join('\n') + '\n');
    const r = await runCli(['validate', '--spec', join(specs, 'bomb.yaml'), PAYLOAD]);
    assertOneLine(r, /cannot parse the spec .*bomb\.yaml: too many YAML aliases/);
  });

  it('a spec too deep to resolve is one line, not an internal error: exit 2', async () => {
    const depth = 50_000;
    const deep = `{"swagger":"2.0","paths":{},"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    writeFileSync(join(specs, 'deep.json'), deep);
    const r = await runCli(['validate', '--spec', join(specs, 'deep.json'), PAYLOAD]);
    assertOneLine(r, /deep\.json is nested too deeply/);
  });

  describe('a spec URL', () => {
    const spec = readFileSync(join(ROOT, 'fixtures/specs/openapi30-order.yaml'));
    const valid = join(ROOT, 'fixtures/specs/payloads/order-openapi30-valid.json');
    const servers: Server[] = [];
    let plain = '';
    let other = '';
    let secure = '';
    const listen = async (server: Server): Promise<string> => {
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `127.0.0.1:${(server.address() as { port: number }).port}`;
    };
    const routes =
      (redirects: Record<string, () => string>): RequestListener =>
      (req, res) => {
        const to = redirects[req.url ?? ''];
        if (to) res.writeHead(302, { location: to() }).end();
        else if (req.url === '/specs.yaml') res.end(spec);
        else if (req.url === '/ref-other.yaml') res.end(specWithRef(`http://${other}/specs.yaml#/x`));
        else res.writeHead(404).end();
      };

    before(async () => {
      other = await listen(createHttpServer(routes({})));
      plain = await listen(
        createHttpServer(
          routes({ '/moved.yaml': () => '/specs.yaml', '/away.yaml': () => `http://${other}/specs.yaml` }),
        ),
      );
      const tls = { key: readFileSync(cert('good.key')), cert: readFileSync(cert('good-chain.pem')) };
      secure = await listen(
        createHttpsServer(tls, routes({ '/down.yaml': () => `http://${secure}/specs.yaml` })),
      );
    });
    after(async () => {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    });

    it('follows a redirect within its origin', async () => {
      const r = await runCli(['validate', '--spec', `http://${plain}/moved.yaml`, valid]);
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
    });

    it('refuses a redirect to another origin: exit 2, one line', async () => {
      const r = await runCli(['validate', '--spec', `http://${plain}/away.yaml`, valid]);
      assertOneLine(r, new RegExp(`redirects to http://${other}, another origin`));
    });

    it('refuses a redirect from https to http: exit 2, one line', async () => {
      const env = { NODE_EXTRA_CA_CERTS: cert('root-ca.pem') };
      const ok = await runCli(['validate', '--spec', `https://${secure}/specs.yaml`, valid], { env });
      assert.equal(ok.stderr, '', 'the https server itself is trusted');
      const r = await runCli(['validate', '--spec', `https://${secure}/down.yaml`, valid], { env });
      assertOneLine(r, new RegExp(`redirects to http://${secure}, another origin`));
    });

    it('refuses a $ref to another origin: exit 2, one line', async () => {
      const r = await runCli(['validate', '--spec', `http://${plain}/ref-other.yaml`, valid]);
      assertOneLine(
        r,
        new RegExp(`\\$ref to http://${other}/specs.yaml, which is refused: not on http://${plain}`),
      );
    });
  });
});
