import { randomBytes } from 'node:crypto';
import type { ConnectTcp } from '../probe-types.js';
import { buildClientHello, readServerAnswer, type LegacyVersion, type ServerAnswer } from './client-hello.js';

export interface HelloTarget {
  host: string;
  port: number;
  servername?: string;
  timeoutMs: number;
  connectTcp: ConnectTcp;
}

/** What one hand-built ClientHello got back; `closed` and `timeout` count as "not accepted". */
export type HelloOutcome = ServerAnswer | { kind: 'closed' } | { kind: 'timeout' } | { kind: 'error' };

/** Connects, sends one ClientHello offering `suites` at `version`, reads the answer, closes. */
export function sendClientHello(
  target: HelloTarget,
  version: LegacyVersion,
  suites: readonly number[],
): Promise<HelloOutcome> {
  const hello = buildClientHello({
    version,
    suites,
    servername: target.servername,
    random: randomBytes(32),
  });
  return new Promise((resolve) => {
    let settled = false;
    let received = Buffer.alloc(0);
    const socket = target.connectTcp({ host: target.host, port: target.port });
    const finish = (outcome: HelloOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), target.timeoutMs);
    socket.once('connect', () => socket.write(hello));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const answer = readServerAnswer(received);
      if (answer) finish(answer);
    });
    socket.on('error', () => finish({ kind: 'error' }));
    socket.once('close', () => finish(readServerAnswer(received) ?? { kind: 'closed' }));
  });
}
