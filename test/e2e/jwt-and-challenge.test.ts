import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { startJwtOAuthProvider, type JwtOAuthProvider } from '../helpers/jwt-oauth-provider.js';
import { ROOT_CA_FILE, startReceiver, type Receiver } from '../helpers/receiver.js';
import { runMain } from '../helpers/run-main.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- reports are walked as plain JSON here */
type Obj = Record<string, any>;

const CA = ['--ca', ROOT_CA_FILE, '--timeout', '5000'];
const CHALLENGE =
  'Bearer realm="webhook", error="invalid_token", error_description="The access token expired"';

describe('JWTs decoded under --verbose; a 401 says what the endpoint refused', () => {
  let receiver: Receiver;
  let refusing: Receiver;
  let idp: JwtOAuthProvider;
  let token: string;
  before(async () => {
    receiver = await startReceiver({});
    refusing = await startReceiver({
      respond: () => ({ status: 401, headers: { 'www-authenticate': CHALLENGE }, body: 'no' }),
    });
    idp = await startJwtOAuthProvider();
    token = await new SignJWT({ sub: 'tradecloud', scope: 'webhook' })
      .setProtectedHeader({ alg: 'HS256', kid: 'test-key' })
      .setIssuer('https://issuer.example')
      .sign(new TextEncoder().encode('a-signing-key-of-at-least-32-bytes!!'));
  });
  after(async () => {
    await Promise.all([receiver.close(), refusing.close(), idp.close()]);
  });

  it('a bearer JWT sent: header and claims under --verbose, never the token or its signature', async () => {
    const args = ['send-sample', receiver.url, ...CA, '--token', token, '--event', 'OrderIssuedByBuyer'];
    const verbose = await runMain([...args, '--verbose']);
    assert.equal(verbose.code, 0, verbose.stderr);
    assert.match(verbose.stderr, /^\* JWT sent in authorization \(signature left out\)$/m);
    assert.match(verbose.stderr, /^\* {3}header \{"alg":"HS256","kid":"test-key"\}$/m);
    assert.match(
      verbose.stderr,
      /^\* {3}claims \{"sub":"tradecloud","scope":"webhook","iss":"https:\/\/issuer\.example"\}$/m,
    );
    const signature = token.split('.')[2]!;
    for (const secret of [token, signature]) {
      assert.ok(!(verbose.stdout + verbose.stderr).includes(secret), 'the token is never printed');
    }
    const quiet = await runMain(args);
    assert.equal(quiet.code, 0, quiet.stderr);
    assert.doesNotMatch(quiet.stdout + quiet.stderr, /JWT|claims/);
  });

  it('an OAuth access token received is decoded too (and sent), masked everywhere', async () => {
    const run = await runMain(
      ['send-sample', receiver.url, ...CA, ...idp.sendFlags, '--event', 'OrderIssuedByBuyer', '--verbose'],
      { env: { TC_WEBHOOK_CLIENT_SECRET: idp.clientSecret } },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^\* JWT received \(access token\) \(signature left out\)$/m);
    assert.match(run.stderr, /^\* JWT sent in authorization \(signature left out\)$/m);
    const claims = /^\* {3}claims (\{.*\})$/m.exec(run.stderr);
    assert.ok(claims, run.stderr);
    const decoded = JSON.parse(claims[1]!) as Obj;
    assert.equal(decoded.aud, idp.audience);
    assert.equal(decoded.scope, idp.scope);
    const sent = receiver.requests.at(-1)!.headers.authorization!.slice('Bearer '.length);
    assert.ok(!run.stderr.includes(sent) && !run.stderr.includes(sent.split('.')[2]!));
  });

  it('send-sample: a 401 shows the WWW-Authenticate error and error_description in the report', async () => {
    const run = await runMain(['send-sample', refusing.url, ...CA, '--token', 'tok-123456789', '--json']);
    assert.equal(run.code, 1, run.stderr);
    const [record] = (JSON.parse(run.stdout) as Obj).requests as Obj[];
    assert.deepEqual(record!.authError, {
      error: 'invalid_token',
      errorDescription: 'The access token expired',
    });
    assert.match(String(record!.note), /^the endpoint says: invalid_token \(The access token expired\); /);
    const human = await runMain(['send-sample', refusing.url, ...CA, '--token', 'tok-123456789']);
    assert.match(human.stdout, /the endpoint says: invalid_token \(The access token expired\)/);
  });

  it('doctor and scenario: the 401 reason is in the normal report', async () => {
    const doctor = await runMain([
      'doctor',
      refusing.url,
      ...CA,
      '--yes',
      '--token',
      'tok-123456789',
      '--event',
      'OrderIssuedByBuyer',
    ]);
    assert.equal(doctor.code, 1, doctor.stderr);
    assert.match(
      doctor.stdout,
      /OrderIssuedByBuyer: answered 401 \(the endpoint says: invalid_token \(The access token expired\)/,
    );
    const scenario = await runMain([
      'scenario',
      refusing.url,
      'single-delivery',
      ...CA,
      '--yes',
      '--token',
      'tok-123456789',
      '--json',
    ]);
    assert.equal(scenario.code, 1, scenario.stderr);
    const [step] = (JSON.parse(scenario.stdout) as Obj).steps as Obj[];
    assert.match(String(step!.note), /the endpoint says: invalid_token \(The access token expired\)/);
  });
});
