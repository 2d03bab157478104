import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDocumentsSetup, type DocumentsSetup } from '../helpers/documents-setup.js';
import { ROOT_CA_FILE, type Receiver } from '../helpers/receiver.js';

const USER = 'erp-integration';
const PASSWORD = 'scenario-api-secret-6f1c0a';

describe('scenario --documents-api', () => {
  let documents: DocumentsSetup;
  let receiver: Receiver;
  let port: number;

  before(async () => {
    documents = await startDocumentsSetup();
    ({ receiver, port } = documents);
  });
  after(async () => {
    await documents.close();
  });

  it('the documents of the whole story are known to the mock, each reported once; the steps still decide the exit code', async () => {
    documents.use({
      apiBase: `http://127.0.0.1:${port}/v2`,
      username: USER,
      password: PASSWORD,
    });
    const run = await documents.run(
      [
        'scenario',
        receiver.url,
        'order-lifecycle',
        '--ca',
        ROOT_CA_FILE,
        '--yes',
        '--json',
        '--documents-api',
        String(port),
        '--api-username',
        USER,
        '--link-ttl',
        '1',
      ],
      { env: { TC_WEBHOOK_API_PASSWORD: PASSWORD } },
    );
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as {
      documentsApi: { apiBase: string };
      documents: Array<{ objectId?: string; url?: string; storage: string; outcome: string }>;
      documentsSummary: { documents: number; fetched: number };
    };
    assert.equal(report.documentsApi.apiBase, `http://127.0.0.1:${port}/v2`);
    assert.ok(report.documents.length > 0);
    const ids = report.documents.map((d) => d.objectId ?? d.url);
    assert.equal(new Set(ids).size, ids.length, 'each document once');
    // The story's url-only documents point at the mock too.
    assert.ok(
      report.documents.some(
        (d) => d.storage === 'url' && d.url?.startsWith(`http://127.0.0.1:${port}/files/`),
      ),
    );
    assert.ok(
      report.documents.every((d) => d.outcome === (d.storage === 'url' ? 'fetched' : 'downloaded')),
      JSON.stringify(report.documents),
    );
    assert.equal(report.documentsSummary.fetched, report.documentsSummary.documents);
    assert.doesNotMatch(run.stdout + run.stderr, new RegExp(PASSWORD));
  });

  it('an integration that never downloads: the documents are reported never fetched, exit 0 as every step was answered', async () => {
    documents.use({
      apiBase: `http://127.0.0.1:${port}/v2`,
      username: USER,
      password: PASSWORD,
      fault: 'never-downloads',
    });
    const run = await documents.run([
      'scenario',
      receiver.url,
      'shipment-updates',
      '--ca',
      ROOT_CA_FILE,
      '--yes',
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
    assert.match(run.stdout, /Documents {2}\(document API mock at/);
    assert.match(run.stdout, /never fetched: the event carries metadata only/);
  });
});
