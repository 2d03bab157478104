import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Integration, IntegrationOptions } from '../helpers/documents-integration.js';
import { startDocumentsSetup, type DocumentsSetup } from '../helpers/documents-setup.js';
import { ROOT_CA_FILE, type Receiver } from '../helpers/receiver.js';
import { runMain } from '../helpers/run-main.js';

const USER = 'erp-integration';
const PASSWORD = 'api-secret-5b7e1d';

interface DocumentJson {
  storage: 'object' | 'url';
  outcome: string;
  ok: boolean;
  filename: string;
  expiredLinkUsed: boolean;
  credentialsSentToDownload?: string;
  loggedIn?: { at: string; afterDeliveryMs: number };
  metadata?: { status: number; answer: { id: string; filename: string; contentType: string } };
  downloaded?: { bytes: number; afterDeliveryMs: number };
  message: string;
}

describe('send-sample --documents-api: what the integration did with the documents', () => {
  let documents: DocumentsSetup;
  let receiver: Receiver;
  let integration: Integration | undefined;
  let port: number;
  let apiBase: string;

  before(async () => {
    documents = await startDocumentsSetup();
    ({ receiver, port, apiBase } = documents);
  });
  after(async () => {
    await documents.close();
  });

  const send = async (variant: IntegrationOptions | undefined, extra: string[] = []) => {
    integration = documents.use(variant);
    return documents.run(
      [
        'send-sample',
        receiver.url,
        '--ca',
        ROOT_CA_FILE,
        '--type',
        'order-documents',
        '--event',
        'OrderDocumentsAttachedByBuyer',
        '--documents-api',
        String(port),
        '--api-username',
        USER,
        '--link-ttl',
        '1',
        '--json',
        ...extra,
      ],
      { env: { TC_WEBHOOK_API_PASSWORD: PASSWORD } },
    );
  };
  const documentsOf = (stdout: string) => (JSON.parse(stdout) as { documents: DocumentJson[] }).documents;

  it('a good integration: logged in, metadata fetched, both object documents downloaded, url-only document fetched', async () => {
    const run = await send({ apiBase, username: USER, password: PASSWORD });
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as {
      documentsApi: { apiBase: string };
      documentsSummary: { fetched: number; documents: number };
    };
    assert.equal(report.documentsApi.apiBase, apiBase);
    const docs = documentsOf(run.stdout);
    assert.equal(docs.length, 3);
    assert.deepEqual(docs.map((d) => d.outcome).sort(), ['downloaded', 'downloaded', 'fetched']);
    for (const doc of docs.filter((d) => d.storage === 'object')) {
      assert.ok(doc.loggedIn && doc.metadata && doc.downloaded, JSON.stringify(doc));
      assert.equal(doc.metadata.status, 200);
      assert.equal(doc.metadata.answer.contentType, 'application/pdf');
      assert.ok(doc.downloaded.bytes > 200);
      assert.equal(doc.expiredLinkUsed, false);
      assert.equal(doc.credentialsSentToDownload, undefined);
    }
    assert.deepEqual(report.documentsSummary, { documents: 3, fetched: 3, warnings: 0 });
    for (const file of integration!.files) assert.equal(file.head.slice(0, 5), '%PDF-');
    assert.match(run.stderr, new RegExp(`document API mock at ${apiBase.replace(/\./g, '\\.')}`));
    assert.doesNotMatch(run.stdout + run.stderr, new RegExp(PASSWORD));
  });

  it('the human report lists each document with its steps', async () => {
    integration = documents.use({ apiBase, username: USER, password: PASSWORD });
    const run = await documents.run([
      'send-sample',
      receiver.url,
      '--ca',
      ROOT_CA_FILE,
      '--type',
      'order-documents',
      '--event',
      'OrderDocumentsAttachedBySupplier',
      '--documents-api',
      String(port),
      '--api-username',
      USER,
      '--api-password',
      PASSWORD,
      '--link-ttl',
      '1',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /Documents {2}\(document API mock at http:\/\/127\.0\.0\.1:\d+\/v2, links valid 1 s\)/,
    );
    assert.match(run.stdout, /✔ Production plan\.pdf/);
    assert.match(run.stdout, /logged in .*\n.*metadata 200 .*Production plan\.pdf, application\/pdf/);
    assert.match(run.stdout, /downloaded \d+ bytes \d+\.\d s after the delivery/);
    assert.match(run.stdout, /fetched from its url/);
    assert.match(run.stdout, /3 of 3 documents fetched/);
    assert.doesNotMatch(run.stdout + run.stderr, new RegExp(PASSWORD));
  });

  it('never downloads: each object document is reported never fetched, the url-only one too', async () => {
    const run = await send({ apiBase, username: USER, password: PASSWORD, fault: 'never-downloads' });
    assert.equal(run.code, 0, run.stderr);
    const docs = documentsOf(run.stdout);
    const object = docs.filter((d) => d.storage === 'object');
    assert.deepEqual(
      object.map((d) => d.outcome),
      ['never-fetched', 'never-fetched'],
    );
    assert.match(object[0]!.message, /metadata only/);
    // The integration still fetched the url-only document in this variant.
    assert.equal(docs.find((d) => d.storage === 'url')?.outcome, 'fetched');
  });

  it('a wrong password: login refused, named as the cause', async () => {
    const run = await send({ apiBase, username: USER, password: 'not-the-password' });
    const object = documentsOf(run.stdout).filter((d) => d.storage === 'object');
    assert.deepEqual(
      object.map((d) => d.outcome),
      ['login-refused', 'login-refused'],
    );
    assert.match(
      object[0]!.message,
      /login was refused \(401: wrong password\): check the API user name and password/,
    );
    assert.doesNotMatch(run.stdout + run.stderr, new RegExp(PASSWORD));
  });

  it('downloads after the link expired: 403, reported as an expired link', async () => {
    const run = await send({
      apiBase,
      username: USER,
      password: PASSWORD,
      fault: 'downloads-late',
      lateMs: 1300,
    });
    assert.ok(
      integration!.files.filter((f) => f.url.includes('object-storage')).every((f) => f.status === 403),
    );
    const object = documentsOf(run.stdout).filter((d) => d.storage === 'object');
    assert.deepEqual(
      object.map((d) => d.outcome),
      ['expired-link', 'expired-link'],
    );
    assert.ok(object.every((d) => d.expiredLinkUsed));
    assert.match(object[0]!.message, /used too late \(link used \d+\.\d s after it expired\)/);
  });

  it('sends its credentials to the download URL: downloaded, with a warning', async () => {
    const run = await send({ apiBase, username: USER, password: PASSWORD, fault: 'sends-credentials' });
    const object = documentsOf(run.stdout).filter((d) => d.storage === 'object');
    assert.deepEqual(
      object.map((d) => d.outcome),
      ['downloaded', 'downloaded'],
    );
    assert.ok(object.every((d) => d.credentialsSentToDownload === 'Bearer'));
    assert.match(object[0]!.message, /sent Bearer credentials to the download URL, which needs none/);
  });

  it('--documents-api without the API login is a usage error naming what is missing', async () => {
    const run = await runMain(['send-sample', receiver.url, '--documents-api', '0'], {
      env: { TC_WEBHOOK_API_USERNAME: undefined, TC_WEBHOOK_API_PASSWORD: undefined },
    });
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /--documents-api needs --api-username \(or TC_WEBHOOK_API_USERNAME\) and --api-password/,
    );
    const stray = await runMain(['send-sample', receiver.url, '--link-ttl', '5']);
    assert.equal(stray.code, 2);
    assert.match(stray.stderr, /--link-ttl applies only with --documents-api/);
  });
});
