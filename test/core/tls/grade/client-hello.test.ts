import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, test } from 'node:test';
import { buildClientHello, readServerAnswer } from '../../../../src/core/tls/grade/client-hello.js';
import { acceptsSsl3, enumerateSuites } from '../../../../src/core/tls/grade/enumerate-suites.js';
import { createAnswerJudge } from '../../../../src/core/tls/grade/answer-judge.js';
import { startServerHelloServer, type GradeServer } from '../../../helpers/grade-servers.js';

const servers: GradeServer[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

test('a ClientHello offers the suites (plus the renegotiation SCSV) at the chosen version, with SNI', () => {
  const hello = buildClientHello({
    version: 'TLSv1.2',
    suites: [0xc02f, 0x000a],
    servername: 'hooks.example.com',
    random: new Uint8Array(32),
  });
  assert.deepEqual([...hello.subarray(0, 3)], [0x16, 0x03, 0x01]); // handshake record, TLS 1.0 record layer
  assert.equal(hello.readUInt16BE(3), hello.length - 5);
  assert.equal(hello[5], 0x01); // ClientHello
  assert.equal(hello.readUInt16BE(9), 0x0303);
  assert.equal(hello.readUInt16BE(9 + 2 + 32 + 1), 6); // three suites
  assert.deepEqual([...hello.subarray(46, 52)], [0xc0, 0x2f, 0x00, 0x0a, 0x00, 0xff]);
  assert.ok(hello.includes(Buffer.from('hooks.example.com')));
  const ssl3 = buildClientHello({ version: 'SSLv3', suites: [0x000a], random: new Uint8Array(32) });
  assert.equal(ssl3.readUInt16BE(1), 0x0300);
  assert.equal(ssl3.length, 5 + 4 + 2 + 32 + 1 + 2 + 4 + 2, 'no extensions in an SSL 3.0 hello');
});

test('the answer: a ServerHello (even split over records), an alert, or not TLS', () => {
  const body = [0x03, 0x03, ...new Array<number>(32).fill(1), 0, 0xc0, 0x2f, 0];
  const serverHello = Buffer.from([0x02, 0, 0, body.length, ...body]);
  const record = (type: number, content: Buffer) =>
    Buffer.concat([Buffer.from([type, 3, 3, content.length >> 8, content.length & 0xff]), content]);
  assert.deepEqual(readServerAnswer(record(0x16, serverHello)), {
    kind: 'chosen',
    version: 0x0303,
    suite: 0xc02f,
  });
  const split = Buffer.concat([
    record(0x16, serverHello.subarray(0, 20)),
    record(0x16, serverHello.subarray(20)),
  ]);
  assert.deepEqual(readServerAnswer(split), { kind: 'chosen', version: 0x0303, suite: 0xc02f });
  assert.equal(readServerAnswer(record(0x16, serverHello.subarray(0, 20))), undefined, 'needs more bytes');
  assert.deepEqual(readServerAnswer(record(0x15, Buffer.from([2, 40]))), { kind: 'alert', description: 40 });
  assert.deepEqual(readServerAnswer(Buffer.from('HTTP/1.1 400 Bad Request\r\n')), { kind: 'not-tls' });
});

const target = (port: number) => ({ host: '127.0.0.1', port, timeoutMs: 5000, connectTcp: connect });

test('3DES, which node:tls cannot offer, is found from the ServerHello, with the server order', async () => {
  // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, then TLS_RSA_WITH_3DES_EDE_CBC_SHA and RC4-SHA.
  const server = await startServerHelloServer({ version: 0x0303, suites: [0xc02f, 0x000a, 0x0005] });
  servers.push(server);
  const judge = createAnswerJudge(() => Promise.resolve(true));
  const found = await enumerateSuites({
    ...target(server.port),
    connect: () => {
      throw new Error('no node:tls handshake is needed below TLS 1.3');
    },
    concurrency: 4,
    versions: ['TLSv1.2'],
    judge,
  });
  assert.deepEqual(judge.unknown(), []);
  const v12 = found['TLSv1.2']!;
  assert.deepEqual(
    v12.suites.map((s) => s.name),
    ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_RSA_WITH_RC4_128_SHA'],
  );
  assert.equal(v12.serverOrder, true);
  assert.deepEqual(v12.suites[1]!.weakReasons, ['64-bit block']);
  assert.equal(v12.suites[1]!.bits, 112);
});

test('SSL 3.0 is found with one ClientHello; a TLS 1.2-only server does not accept it', async () => {
  const ssl3 = await startServerHelloServer({ version: 0x0300, suites: [0x000a] });
  const tls12 = await startServerHelloServer({ version: 0x0303, suites: [0xc02f] });
  servers.push(ssl3, tls12);
  const judge = createAnswerJudge(() => Promise.resolve(true));
  assert.equal(await acceptsSsl3(target(ssl3.port), judge), true);
  assert.equal(await acceptsSsl3(target(tls12.port), judge), false);
});
