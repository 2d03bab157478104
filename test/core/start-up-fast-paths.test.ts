import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { connect, rootCertificates } from 'node:tls';
import { loadAgentClass, loadClientClass } from '../../src/core/http/delivery-agent.js';
import { createTrustContext, nativeAddCACert } from '../../src/core/tls/trust-context.js';
import { cert, startTlsServer } from '../helpers/tls-servers.js';

// Both fast paths fall back silently to a slower public way; these tests fail on the Node line or
// undici release where the fast path stops working, so the start-up cost does not creep back unseen.

test('send-sample loads undici’s agent file directly, the same class the entry module exports', async () => {
  const { Agent, via } = await loadAgentClass();
  assert.equal(via, 'agent-file');
  assert.equal(Agent, (await import('undici')).Agent);
});

test('a burst’s lanes load undici’s client file directly, the same class the entry module exports', async () => {
  const { Client, via } = await loadClientClass();
  assert.equal(via, 'client-file');
  assert.equal(Client, (await import('undici')).Client);
});

test('check-tls adds --ca certificates to the built-in root store through addCACert', async () => {
  const root = readFileSync(cert('root-ca.pem'), 'utf8');
  const context = createTrustContext({ minVersion: 'TLSv1.2' }, rootCertificates, []);
  assert.equal(typeof nativeAddCACert(context), 'function');
  // And the context it builds trusts the added root.
  const server = await startTlsServer({ key: 'good.key', cert: 'good-chain.pem' });
  try {
    const authorized = await new Promise<boolean>((resolve, reject) => {
      const socket = connect({
        host: '127.0.0.1',
        port: server.port,
        servername: 'localhost',
        secureContext: createTrustContext({ minVersion: 'TLSv1.2' }, rootCertificates, [root]),
        rejectUnauthorized: false,
      });
      socket.once('secureConnect', () => {
        resolve(socket.authorized);
        socket.destroy();
      });
      socket.once('error', reject);
    });
    assert.equal(authorized, true);
  } finally {
    await server.close();
  }
});
