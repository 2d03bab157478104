import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { post } from '../helpers/https-post.js';
import {
  entriesOf,
  GOOD_CHAIN,
  GOOD_KEY,
  startListen,
  TLS_FLAGS,
  type ListenProcess,
} from '../helpers/listen-process.js';
import { CERTS_DIR, ROOT_CA_FILE } from '../helpers/receiver.js';
import { runCli } from '../helpers/run-cli.js';

const ca = readFileSync(ROOT_CA_FILE);

/** Writes raw bytes over TLS and resolves with what came back when the server closes the connection. */
function rawExchange(port: number, parts: Array<string | Buffer>, holdOpen = true): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, ca, servername: 'localhost' }, () => {
      for (const part of parts) socket.write(part);
      if (!holdOpen) socket.end();
    });
    let received = '';
    socket.setEncoding('utf8').on('data', (d: string) => (received += d));
    socket.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'ECONNRESET' ? resolve(received) : reject(e),
    );
    socket.on('close', () => resolve(received));
  });
}

describe('listen against hostile and broken clients', () => {
  let listen: ListenProcess;
  let dir: string;
  let valid: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tc-listen-hostile-'));
    valid = (await runCli(['sample', '--event', 'OrderIssuedByBuyer', '--seed', '5'])).stdout;
    // A file already there: listen must never overwrite it.
    writeFileSync(join(dir, '000001-OrderIssuedByBuyer.json'), 'keep me');
    listen = await startListen([
      ...TLS_FLAGS,
      '--auth',
      'basic',
      '--username',
      'u',
      '--password',
      'hostile-Secr3t',
      '--save',
      dir,
      '--max-body',
      '65536',
      '--timeout',
      '1500',
      '--json',
    ]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const auth = { authorization: `Basic ${Buffer.from('u:hostile-Secr3t').toString('base64')}` };
  const send = (body: string | Buffer, contentType = 'application/json') =>
    post(listen.url, { headers: { ...auth, 'content-type': contentType }, body });

  it('a name already taken is never overwritten: the next free name is used', async () => {
    assert.equal((await send(valid)).status, 200);
    assert.equal(readFileSync(join(dir, '000001-OrderIssuedByBuyer.json'), 'utf8'), 'keep me');
    assert.equal(readFileSync(join(dir, '000001-OrderIssuedByBuyer-1.json'), 'utf8'), valid);
  });

  it('an event name cannot steer the save path', async () => {
    const body = JSON.stringify({ eventName: '../../../tmp/evil\\name', orderEvent: {} });
    assert.equal((await send(body)).status, 200);
    assert.ok(existsSync(join(dir, '000002-tmpevilname.json')));
    assert.equal((await send(JSON.stringify({ orderEvent: {} }))).status, 200);
    assert.ok(existsSync(join(dir, '000003-unknown.json')));
  });

  it('wrong Basic credentials: 401 with a Basic challenge, not validated, not saved', async () => {
    const before = readdirSync(dir).length;
    const wrong = Buffer.from('u:guess-Secr3t-wrong').toString('base64');
    const answer = await post(listen.url, { headers: { authorization: `Basic ${wrong}` }, body: valid });
    assert.equal(answer.status, 401);
    assert.match(String(answer.headers['www-authenticate']), /^Basic realm="tc-webhook listen"/);
    assert.equal(readdirSync(dir).length, before);
  });

  it('a body over --max-body: 413, declared or streamed, and the connection is closed', async () => {
    const big = Buffer.alloc(200_000, 'x');
    assert.equal((await send(big)).status, 413);
    const chunked = await rawExchange(listen.port, [
      `POST / HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${auth.authorization}\r\nTransfer-Encoding: chunked\r\n\r\n`,
      ...Array.from({ length: 20 }, () => `2710\r\n${'y'.repeat(10_000)}\r\n`),
    ]);
    assert.match(chunked, /^HTTP\/1\.1 413 /);
  });

  it('malformed JSON, malformed XML, an entity bomb and invalid UTF-8 are logged invalid and answered', async () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      '<WebhookBody><eventName>&lol2;</eventName></WebhookBody>';
    for (const [body, type] of [
      ['{"eventName": "OrderIssuedByBuyer", "orderEvent": {', 'application/json'],
      ['<WebhookBody><orderEvent></WebhookBody>', 'application/xml'],
      [bomb, 'application/xml'],
      [Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'application/json'],
    ] as const) {
      assert.equal((await send(body, type)).status, 200);
    }
  });

  it('slow headers and a stalled body are cut at --timeout', async () => {
    const slowHeaders = await rawExchange(listen.port, ['POST / HTTP/1.1\r\nHost: localhost\r\n']);
    assert.match(slowHeaders, /^(HTTP\/1\.1 408 |$)/);
    const stalled = await rawExchange(listen.port, [
      `POST / HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${auth.authorization}\r\nContent-Length: 5000\r\n\r\n{"eventName":`,
    ]);
    assert.doesNotMatch(stalled, /^HTTP\/1\.1 200/);
  });

  it('still alive, then stops with exit 1 (invalid deliveries) and never prints the password', async () => {
    assert.equal((await send(valid)).status, 200);
    const done = await listen.stop('SIGTERM');
    assert.equal(done.code, 1, done.stderr);
    const entries = entriesOf(done.stdout);
    const invalid = entries.filter((e) => e.valid === false).map((e) => JSON.stringify(e.errors));
    assert.ok(
      invalid.some((e) => /expected "}" to close the object|unterminated|malformed/i.test(e)),
      invalid.join('\n'),
    );
    assert.ok(
      invalid.some((e) => /unsafe|DOCTYPE|entit/i.test(e)),
      invalid.join('\n'),
    );
    assert.ok(
      invalid.some((e) => /not valid UTF-8/.test(e)),
      invalid.join('\n'),
    );
    assert.ok(entries.some((e) => e.status === 413));
    const authFailure = entries.find((e) => e.status === 401)!;
    assert.equal((authFailure.auth as { reason: string }).reason, 'wrong password');
    assert.equal(authFailure.valid, undefined);
    assert.equal(authFailure.savedAs, undefined);
    for (const stream of [done.stdout, done.stderr]) {
      assert.ok(!stream.includes('hostile-Secr3t') && !stream.includes('guess-Secr3t-wrong'));
    }
    assert.match(done.stderr, /1 auth failure/);
  });
});

describe('listen under a burst of connections', () => {
  let listen: ListenProcess;
  before(async () => {
    listen = await startListen([...TLS_FLAGS]);
  });
  after(() => listen.stop());

  // 100 TLS handshakes queue behind each other on a busy machine: the default --timeout, which bounds
  // each handshake from the moment the connection is accepted, leaves room for that queue (a
  // --timeout of 1.5 s, as the hostile clients above get, would cut the last ones on two loaded cores).
  it('many parallel connections are all served', async () => {
    const body = JSON.stringify({ eventName: 'OrderIssuedByBuyer' });
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        post(listen.url, { headers: { 'content-type': 'application/json' }, body }),
      ),
    );
    assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([200]));
  });
});

describe('listen start-up errors (exit 2, one line)', () => {
  it('neither --cert/--key nor --http: exit 2 with a hint', async () => {
    const run = await runCli(['listen']);
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /listen needs --cert and --key .* or --http.*for local tests, tc-webhook dev-cert makes a test CA/,
    );
  });

  it('an unreadable certificate, and a certificate and key that are not a pair', async () => {
    const missing = await runCli(['listen', '--cert', 'nope.pem', '--key', GOOD_KEY]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read --cert nope\.pem: no such file/);
    const mismatch = await runCli(['listen', '--cert', GOOD_CHAIN, '--key', `${CERTS_DIR}expired.key`]);
    assert.equal(mismatch.code, 2);
    assert.match(mismatch.stderr, /are not a pair/);
    assert.doesNotMatch(mismatch.stderr, /\n\s+at /);
  });

  it('a port already taken', async () => {
    const first = await startListen(TLS_FLAGS);
    const run = await runCli(['listen', ...TLS_FLAGS, '--port', String(first.port)]);
    await first.stop();
    assert.equal(run.code, 2);
    assert.match(run.stderr, new RegExp(`port ${first.port} on 127.0.0.1 is already in use`));
  });

  it('bad flags: a --respond that is not a status list, --auth basic without a password', async () => {
    const respond = await runCli(['listen', '--http', '--respond', '200,abc']);
    assert.equal(respond.code, 2);
    assert.match(respond.stderr, /--respond takes HTTP statuses/);
    const basic = await runCli(['listen', '--http', '--auth', 'basic', '--username', 'u'], {
      env: { TC_WEBHOOK_PASSWORD: undefined },
    });
    assert.equal(basic.code, 2);
    assert.match(basic.stderr, /--auth basic needs --password \(or TC_WEBHOOK_PASSWORD\)/);
  });

  it('--http serves plain HTTP with a warning that Tradecloud only calls HTTPS', async () => {
    const listen = await startListen(['--http']);
    assert.match(listen.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const run = await runCli(['send-sample', listen.url, '--event', 'OrderIssuedByBuyer']);
    const done = await listen.stop();
    assert.equal(run.code, 0, run.stderr);
    assert.match(done.stderr, /warning: serving plain HTTP: Tradecloud only calls https:\/\/ URLs/);
    assert.match(done.stdout, /#1 OrderIssuedByBuyer order JSON .* valid → 200/);
  });
});
