import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessAuth } from '../../../src/core/doctor/assess-auth.js';
import { assessConfig } from '../../../src/core/doctor/assess-config.js';
import { assessDeliveries } from '../../../src/core/doctor/assess-deliveries.js';
import { assessStatusCodes } from '../../../src/core/doctor/assess-status-codes.js';
import { assessTiming } from '../../../src/core/doctor/assess-timing.js';
import { summarizeTls } from '../../../src/core/doctor/assess-tls-summary.js';
import type { DoctorDelivery } from '../../../src/core/doctor/doctor-types.js';
import { verdictOf } from '../../../src/core/doctor/doctor-types.js';

const delivery = (event: string, status: number | null, durationMs = 10): DoctorDelivery => ({
  type: 'order',
  event,
  format: 'json',
  status,
  outcome: status !== null && status < 300 ? 'delivered' : 'rejected',
  durationMs,
});

describe('doctor assessments', () => {
  it('config: OAuth or tXML with shipment webhooks fail; a non-Microsoft authority warns', () => {
    assert.equal(assessConfig({ types: ['shipment'], format: 'json', auth: 'oauth2' }).status, 'fail');
    assert.equal(
      assessConfig({ types: ['order', 'shipment'], format: 'txml', auth: 'basic' }).status,
      'fail',
    );
    const warn = assessConfig({
      types: ['order'],
      format: 'json',
      auth: 'oauth2',
      tokenUrl: 'http://127.0.0.1:9/token',
    });
    assert.equal(warn.status, 'warn');
    assert.match(warn.fix ?? '', /Microsoft/);
    const entra = 'https://login.microsoftonline.com/tenant/oauth2/v2.0/token';
    assert.equal(
      assessConfig({ types: ['order'], format: 'txml', auth: 'oauth2', tokenUrl: entra }).status,
      'pass',
    );
  });

  it('auth: a 2xx without or with wrong credentials fails; 401/403 pass; other refusals warn', () => {
    const open = assessAuth('basic', { missing: { status: 200 }, wrong: { status: 401 } });
    assert.equal(open.status, 'fail');
    assert.match(open.message, /anyone on the internet can post orders to you/);
    assert.equal(assessAuth('basic', { missing: { status: 401 }, wrong: { status: 403 } }).status, 'pass');
    assert.equal(assessAuth('bearer', { missing: { status: 404 }, wrong: { status: 401 } }).status, 'warn');
    assert.equal(assessAuth('none', undefined).status, 'fail');
  });

  it('deliveries: every event must be 2xx; a refused tXML body says how to fix it', () => {
    assert.equal(
      assessDeliveries('order', 'json', [delivery('A', 200), delivery('B', 202)], 'basic').status,
      'pass',
    );
    const txml = assessDeliveries('order', 'txml', [delivery('A', 415), delivery('B', 415)], 'basic');
    assert.equal(txml.status, 'fail');
    assert.match(txml.fix ?? '', /tXML/);
    assert.deepEqual(txml.details, ['A: answered 415', 'B: answered 415']);
  });

  it('timing: warns above the threshold, naming the slow events', () => {
    assert.equal(assessTiming([delivery('A', 200, 30)], 100, 'basic').status, 'pass');
    const slow = assessTiming(
      [delivery('A', 200, 30), delivery('B', 200, 300), delivery('C', 401, 900)],
      100,
      'basic',
    );
    assert.equal(slow.status, 'warn');
    assert.deepEqual(slow.details, ['B: 300 ms']);
    assert.equal(assessTiming([delivery('A', null)], 100, 'basic').status, 'inconclusive');
  });

  it('refused credentials: deliveries name the credential flags; timing and status codes are inconclusive', () => {
    const refused = [delivery('A', 401), delivery('B', 403)];
    const failed = assessDeliveries('order', 'json', refused, 'bearer');
    assert.equal(failed.status, 'fail');
    assert.match(failed.fix ?? '', /refused the credentials: check --token/);
    const timing = assessTiming(refused, 100, 'bearer');
    assert.equal(timing.status, 'inconclusive');
    assert.match(timing.fix ?? '', /--token/);
    const codes = assessStatusCodes({ status: 401 }, refused, 'basic');
    assert.equal(codes.status, 'inconclusive');
    assert.match(codes.fix ?? '', /--username and --password/);
    assert.deepEqual(verdictOf([timing]), { ok: false, verdict: 'not-ready' });
  });

  it('status codes: 4xx passes; 2xx, 500 and above 500 warn with the retry policy', () => {
    const ok = [delivery('A', 200)];
    assert.equal(assessStatusCodes({ status: 400 }, ok, 'basic').status, 'pass');
    assert.equal(assessStatusCodes({ status: 200 }, ok, 'basic').status, 'warn');
    const five = assessStatusCodes({ status: 500 }, ok, 'basic');
    assert.equal(five.status, 'warn');
    assert.match(five.message, /will not retry/);
    assert.match(five.fix ?? '', /502\/503/);
    assert.match(assessStatusCodes({ status: 503 }, ok, 'basic').message, /retry it indefinitely/);
  });

  it('tls: any failed check fails and says no events were sent', () => {
    const tls = summarizeTls(
      [
        { id: 'https', status: 'pass', message: 'ok' },
        { id: 'cert.self-signed', status: 'fail', message: 'self-signed' },
      ],
      'TLSv1.3',
    );
    assert.equal(tls.status, 'fail');
    assert.match(tls.message, /no events were sent/);
    assert.equal(summarizeTls([{ id: 'https', status: 'pass', message: 'ok' }], 'TLSv1.3').status, 'pass');
  });

  it('verdict: ready unless a check failed', () => {
    assert.deepEqual(verdictOf([{ id: 'tls', title: 't', status: 'warn', message: '' }]), {
      ok: true,
      verdict: 'ready',
    });
    assert.deepEqual(verdictOf([{ id: 'tls', title: 't', status: 'fail', message: '' }]), {
      ok: false,
      verdict: 'not-ready',
    });
  });
});
