import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { IntegrationOptions } from '../helpers/documents-integration.js';
import { startDocumentsSetup, type DocumentsSetup } from '../helpers/documents-setup.js';
import { ROOT_CA_FILE, type Receiver } from '../helpers/receiver.js';

const USER = 'erp-integration';
const PASSWORD = 'doctor-api-secret-3d9a1f';
const WEBHOOK = { username: 'tradecloud', password: 'webhook-secret-8e2b7c' };

interface Check {
  id: string;
  status: string;
  message: string;
  fix?: string;
  details?: string[];
}

const isInvalidProbe = (body: string) =>
  body.includes('not a list of lines') || body.includes('not an object');

describe('doctor --documents-api: the documents check', () => {
  let documents: DocumentsSetup;
  let receiver: Receiver;
  let apiBase: string;
  let port: number;

  before(async () => {
    documents = await startDocumentsSetup({
      auth: { type: 'basic', ...WEBHOOK },
      answerFirst: (request) => (isInvalidProbe(request.body) ? { status: 400 } : undefined),
    });
    ({ receiver, port, apiBase } = documents);
  });
  after(async () => {
    await documents.close();
  });

  const doctor = async (
    variant: Omit<IntegrationOptions, 'apiBase' | 'username'> | undefined,
    extra: string[] = [],
  ) => {
    documents.use(variant ? { apiBase, username: USER, ...variant } : undefined);
    return documents.run([
      'doctor',
      receiver.url,
      '--ca',
      ROOT_CA_FILE,
      '--yes',
      '--events',
      'OrderIssuedByBuyer',
      '--auth',
      'basic',
      '--username',
      WEBHOOK.username,
      '--password',
      WEBHOOK.password,
      '--documents-api',
      String(port),
      '--api-username',
      USER,
      '--api-password',
      PASSWORD,
      '--link-ttl',
      '1',
      '--documents-wait',
      '2',
      ...extra,
    ]);
  };
  const checkOf = (stdout: string) =>
    (JSON.parse(stdout) as { checks: Check[] }).checks.find((c) => c.id === 'documents')!;

  it('an integration that logs in, fetches and downloads: pass; its request is announced and counted', async () => {
    const run = await doctor({ password: PASSWORD }, ['--json']);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { requestsSent: number; requestsPlanned: number };
    const check = checkOf(run.stdout);
    assert.equal(check.status, 'pass', JSON.stringify(check));
    assert.match(check.message, /all 3 documents of the order-documents event were downloaded/);
    assert.equal(report.requestsSent, report.requestsPlanned);
    assert.match(
      run.stderr,
      new RegExp(
        `doctor will send ${report.requestsPlanned} requests .*, 1 order-documents event for the documents check`,
      ),
    );
    assert.equal(receiver.requests.filter((r) => r.body.includes('"orderDocumentsEvent"')).length > 0, true);
    assert.doesNotMatch(run.stdout + run.stderr, new RegExp(PASSWORD));
  });

  it('never downloads: warn (never fail) with the fix', async () => {
    const run = await doctor({ password: PASSWORD, fault: 'never-downloads' });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Documents downloaded/);
    assert.match(run.stdout, /2 of 3 documents were not downloaded within 2 s/);
    assert.match(run.stdout, /the event carries metadata only: download the document/);
  });

  it('the wrong password: warn, naming the refused login', async () => {
    const run = await doctor({ password: 'not-the-password' }, ['--json']);
    assert.equal(run.code, 0, run.stderr);
    const check = checkOf(run.stdout);
    assert.equal(check.status, 'warn');
    assert.ok(
      check.details?.some((d) => /login was refused \(401: wrong password\)/.test(d)),
      JSON.stringify(check),
    );
  });

  it('downloads after the link expired: warn, naming the expired link', async () => {
    const run = await doctor({ password: PASSWORD, fault: 'downloads-late', lateMs: 1300 }, ['--json']);
    const check = checkOf(run.stdout);
    assert.equal(check.status, 'warn');
    assert.ok(
      check.details?.some((d) => /used too late/.test(d)),
      JSON.stringify(check),
    );
  });

  it('sends its credentials to the download URL: warn, with the fix', async () => {
    const run = await doctor({ password: PASSWORD, fault: 'sends-credentials' }, ['--json']);
    const check = checkOf(run.stdout);
    assert.equal(check.status, 'warn');
    assert.match(check.message, /carried API credentials/);
    assert.match(check.fix ?? '', /send no Authorization header to a downloadUrl/);
  });
});
