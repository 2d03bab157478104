import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { ROOT } from '../helpers/run-cli.js';

/**
 * The XML libraries are loaded only by commands that touch tXML, and the writer's only by those that
 * write it. A child process (module loading is per process) records every module it resolves
 * through a resolve hook (node:module register), runs the command in process, and prints the XML
 * packages it loaded.
 */
const PROBE = `
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
import { Writable } from 'node:stream';
const { port1, port2 } = new MessageChannel();
const seen = new Set();
port1.on('message', (url) => seen.add(url));
port1.unref();
const hook = 'let port; export function initialize(data) { port = data.port; }' +
  'export async function resolve(specifier, context, next) { const r = await next(specifier, context); port.postMessage(r.url); return r; }';
register('data:text/javascript,' + encodeURIComponent(hook), { data: { port: port2 }, transferList: [port2] });
const { main } = await import(${JSON.stringify(join(ROOT, 'dist/src/cli.js'))});
const sink = new Writable({ write(_c, _e, done) { done(); } });
const code = await main(['node', 'tc-webhook', ...process.argv.slice(1)], { stdout: sink, stderr: sink, env: { NO_COLOR: '1' } });
await new Promise((resolve) => setTimeout(resolve, 50));
const packages = [...seen].map((url) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(url)?.[1]).filter((p) => ['fast-xml-builder', 'fast-xml-parser', 'fast-xml-validator', 'saxes'].includes(p));
process.stdout.write(JSON.stringify({ code, packages: [...new Set(packages)].sort() }));
`;

async function xmlPackagesLoadedBy(args: string[]): Promise<{ code: number; packages: string[] }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', PROBE, ...args],
    {
      cwd: ROOT,
    },
  );
  return JSON.parse(stdout) as { code: number; packages: string[] };
}

describe('XML libraries are loaded lazily', () => {
  it('a JSON sample loads none', async () => {
    assert.deepEqual(await xmlPackagesLoadedBy(['sample', '--seed', '1']), { code: 0, packages: [] });
  });

  it('a tXML sample loads the writer only', async () => {
    assert.deepEqual(await xmlPackagesLoadedBy(['sample', '--seed', '1', '--format', 'txml']), {
      code: 0,
      packages: ['fast-xml-builder'],
    });
  });

  it('validating a tXML file loads the reader only', async () => {
    const file = join(ROOT, 'fixtures/payloads/valid/order-event.xml');
    assert.deepEqual(await xmlPackagesLoadedBy(['validate', file]), {
      code: 0,
      packages: ['fast-xml-validator', 'saxes'],
    });
  });
});
