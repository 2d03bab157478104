import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROOT_CA_FILE, CERTS_DIR } from '../helpers/receiver.js';
import { runMain, startMain } from '../helpers/run-main.js';

const USER = 'erp-integration';
const PASSWORD = 'api-mock-secret-9c2e4f';
const OBJECT_ID = '67aa8ece-5d41-496f-a94c-483e360b833b';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('tc-webhook api-mock, standing alone', () => {
  it('serves login, metadata for any well-formed objectId, an expiring download link and url documents; NDJSON with --json', async () => {
    const mock = startMain(
      ['api-mock', '--http', '--port', '0', '--link-ttl', '1', '--api-username', USER, '--json'],
      {
        env: { TC_WEBHOOK_API_PASSWORD: PASSWORD },
      },
    );
    await mock.waitFor(/"record":"listening"/, 'stdout');
    const listening = JSON.parse(mock.stdout.split('\n')[0]!) as {
      url: string;
      apiBase: string;
      linkTtlSeconds: number;
    };
    assert.match(listening.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(listening.apiBase, `${listening.url}/v2`);
    assert.match(
      mock.stderr,
      /Point your integration's Tradecloud API base URL \(https:\/\/api\.tradecloud1\.com\/v2, or https:\/\/api\.accp\.tradecloud1\.com\/v2 in acceptance\) at http:\/\/127\.0\.0\.1:\d+\/v2/,
    );
    const api = listening.apiBase;

    assert.equal((await fetch(`${api}/authentication/login`)).status, 401);
    assert.equal(
      (await fetch(`${api}/authentication/login`, { headers: { authorization: basic(USER, 'wrong') } }))
        .status,
      401,
    );
    const login = await fetch(`${api}/authentication/login`, {
      headers: { authorization: basic(USER, PASSWORD) },
    });
    assert.equal(login.status, 200);
    const token = login.headers.get('set-authorization');
    assert.ok(token);
    assert.ok(login.headers.get('set-refresh-token'));

    const metadataUrl = `${api}/object-storage/document/${OBJECT_ID}/metadata`;
    assert.equal((await fetch(metadataUrl)).status, 401);
    assert.equal((await fetch(metadataUrl, { headers: { authorization: 'Bearer made-up' } })).status, 401);
    assert.equal(
      (
        await fetch(`${api}/object-storage/document/not-an-id/metadata`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).status,
      404,
    );
    const metadata = await fetch(metadataUrl, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(metadata.status, 200);
    const answer = (await metadata.json()) as {
      id: string;
      filename: string;
      contentType: string;
      downloadUrl: string;
    };
    assert.equal(answer.id, OBJECT_ID);
    assert.equal(answer.contentType, 'application/pdf');
    assert.ok(answer.downloadUrl.startsWith(listening.url));

    const file = await fetch(answer.downloadUrl);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    const pdf = Buffer.from(await file.arrayBuffer());
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.match(pdf.toString('latin1'), /%%EOF\n$/);
    // A link the mock did not sign, and the real one after its lifetime: 403, as signed storage answers.
    assert.equal(
      (await fetch(answer.downloadUrl.replace(/Signature=[^&]+/, 'Signature=forged'))).status,
      403,
    );
    await new Promise((r) => setTimeout(r, 1100));
    const expired = await fetch(answer.downloadUrl);
    assert.equal(expired.status, 403);
    assert.match(await expired.text(), /Request has expired/);

    const urlDocument = await fetch(`${listening.url}/files/conditions.pdf`);
    assert.equal(urlDocument.status, 200);
    assert.equal((await fetch(`${api}/unknown`)).status, 404);
    assert.equal((await fetch(`${api}/authentication/login`, { method: 'POST' })).status, 405);

    mock.interrupt();
    const run = await mock.done;
    assert.equal(run.code, 0, run.stderr);
    const records = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(records[0]!.record, 'listening');
    assert.equal(records.at(-1)!.record, 'summary');
    const requests = records.filter((r) => r.record === 'request');
    assert.deepEqual(
      requests.map((r) => `${r.kind as string} ${r.status as number}`),
      [
        'login 401',
        'login 401',
        'login 200',
        'metadata 401',
        'metadata 401',
        'metadata 404',
        'metadata 200',
        'download 200',
        'download 403',
        'download 403',
        'url-document 200',
        'other 404',
        'other 405',
      ],
    );
    assert.match(String(requests[1]!.reason), /wrong password/);
    // The signature of a pre-signed link never reaches the log.
    assert.doesNotMatch(run.stdout + run.stderr, /X-Amz-Signature|Signature=/);
    assert.doesNotMatch(run.stdout + run.stderr, new RegExp(PASSWORD));
    assert.deepEqual(records.at(-1), {
      record: 'summary',
      requests: 13,
      logins: 1,
      loginsRefused: 2,
      metadata: 1,
      downloads: 1,
      expiredLinks: 1,
      urlDocuments: 1,
    });
    assert.match(run.stderr, /api-mock stopped: 13 requests/);
  });

  it('serves HTTPS with --cert and --key; human lines per request', async () => {
    const mock = startMain([
      'api-mock',
      '--cert',
      `${CERTS_DIR}good-chain.pem`,
      '--key',
      `${CERTS_DIR}good.key`,
      '--port',
      '0',
      '--api-username',
      USER,
      '--api-password',
      PASSWORD,
    ]);
    await mock.waitFor(/Stop with Ctrl-C/, 'stderr');
    const base = /on (https:\/\/127\.0\.0\.1:\d+)/.exec(mock.stderr)![1]!;
    const { request } = await import('node:https');
    const { readFileSync } = await import('node:fs');
    const status = await new Promise<number>((resolve, reject) => {
      request(
        `${base}/v2/authentication/login`,
        {
          ca: readFileSync(ROOT_CA_FILE),
          headers: { authorization: basic(USER, PASSWORD) },
          servername: 'localhost',
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      )
        .on('error', reject)
        .end();
    });
    assert.equal(status, 200);
    await mock.waitFor(/#1 GET \/v2\/authentication\/login 200 login; user erp-integration/, 'stdout');
    mock.interrupt();
    assert.equal((await mock.done).code, 0);
  });

  it('start-up rules: --cert/--key or --http, the API login, a clear-text warning off loopback, a taken port', async () => {
    const noTls = await runMain(['api-mock', '--api-username', USER, '--api-password', PASSWORD]);
    assert.equal(noTls.code, 2);
    assert.match(noTls.stderr, /api-mock needs --cert and --key .* or --http/);
    const both = await runMain([
      'api-mock',
      '--http',
      '--cert',
      'x.pem',
      '--api-username',
      USER,
      '--api-password',
      PASSWORD,
    ]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--http serves plain HTTP, so --cert and --key do not apply/);
    const noLogin = await runMain(['api-mock', '--http'], {
      env: { TC_WEBHOOK_API_USERNAME: undefined, TC_WEBHOOK_API_PASSWORD: undefined },
    });
    assert.equal(noLogin.code, 2);
    assert.match(
      noLogin.stderr,
      /api-mock needs --api-username \(or TC_WEBHOOK_API_USERNAME\) and --api-password/,
    );

    const open = startMain([
      'api-mock',
      '--http',
      '--host',
      '0.0.0.0',
      '--port',
      '0',
      '--api-username',
      USER,
      '--api-password',
      PASSWORD,
    ]);
    await open.waitFor(/Stop with Ctrl-C/, 'stderr');
    assert.match(open.stderr, /warning: API credentials will arrive in clear text on 0\.0\.0\.0/);
    const port = /on http:\/\/0\.0\.0\.0:(\d+)/.exec(open.stderr)![1]!;
    const taken = await runMain([
      'api-mock',
      '--http',
      '--port',
      String(port),
      '--host',
      '0.0.0.0',
      '--api-username',
      USER,
      '--api-password',
      PASSWORD,
    ]);
    assert.equal(taken.code, 2);
    assert.match(
      taken.stderr,
      /port \d+ on 0\.0\.0\.0 is already in use\. Stop the other program or choose another --port/,
    );
    open.interrupt();
    assert.equal((await open.done).code, 0);
    assert.doesNotMatch(open.stderr + noTls.stderr, new RegExp(PASSWORD));
  });
});
