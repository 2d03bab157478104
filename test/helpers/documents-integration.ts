/**
 * A small integration for the document API tests: a webhook endpoint (answer first, work after, as
 * a queue-backed integration does) that downloads every document an event carries from Tradecloud's
 * document API, and broken variants of it.
 */
import { createServer } from 'node:net';
import type { RecordedRequest, Reply } from './receiver.js';

export type IntegrationFault =
  /** Answers 200 and never downloads. */
  | 'never-downloads'
  /** Waits `lateMs` between the metadata call and the download. */
  | 'downloads-late'
  /** Sends its API credentials (the Bearer token) to the download URL. */
  | 'sends-credentials';

export interface IntegrationOptions {
  /** e.g. http://127.0.0.1:PORT/v2 */
  apiBase: string;
  username: string;
  password: string;
  fault?: IntegrationFault;
  lateMs?: number;
}

export interface Integration {
  /** The receiver's `respond`: 200 at once, the downloads after. */
  respond: (request: RecordedRequest) => Reply;
  /** Every download it finished: url → bytes, first bytes of the file. */
  readonly files: Array<{ url: string; status: number; bytes: number; head: string }>;
  /** Settles when every download started so far has ended. */
  settled(): Promise<void>;
}

interface Found {
  objectIds: string[];
  urls: string[];
}

function findDocuments(value: unknown, found: Found = { objectIds: [], urls: [] }): Found {
  if (Array.isArray(value)) for (const v of value) findDocuments(v, found);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.objectId === 'string') found.objectIds.push(o.objectId);
    else if (typeof o.url === 'string' && 'code' in o) found.urls.push(o.url);
    for (const v of Object.values(o)) findDocuments(v, found);
  }
  return found;
}

export function documentsIntegration(options: IntegrationOptions): Integration {
  const files: Integration['files'] = [];
  const work: Array<Promise<void>> = [];
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { headers });
    const body = Buffer.from(await response.arrayBuffer());
    return { response, body };
  };
  const keep = async (url: string, headers: Record<string, string> = {}) => {
    const { response, body } = await get(url, headers);
    files.push({
      url,
      status: response.status,
      bytes: body.length,
      head: body.subarray(0, 8).toString('latin1'),
    });
  };
  const download = async (found: Found) => {
    // One document that cannot be fetched does not stop the others.
    for (const url of found.urls) await keep(url).catch(() => undefined);
    if (options.fault === 'never-downloads' || found.objectIds.length === 0) return;
    const basic = Buffer.from(`${options.username}:${options.password}`).toString('base64');
    const login = await get(`${options.apiBase}/authentication/login`, { authorization: `Basic ${basic}` });
    const token = login.response.headers.get('set-authorization');
    if (login.response.status !== 200 || !token) return;
    const fetchOne = async (objectId: string) => {
      const meta = await get(`${options.apiBase}/object-storage/document/${objectId}/metadata`, {
        authorization: `Bearer ${token}`,
      });
      if (meta.response.status !== 200) return;
      const { downloadUrl } = JSON.parse(meta.body.toString()) as { downloadUrl: string };
      if (options.fault === 'downloads-late') await new Promise((r) => setTimeout(r, options.lateMs ?? 1500));
      await keep(
        downloadUrl,
        options.fault === 'sends-credentials' ? { authorization: `Bearer ${token}` } : {},
      );
    };
    await Promise.all(found.objectIds.map(fetchOne));
  };
  return {
    respond: (request) => {
      try {
        work.push(download(findDocuments(JSON.parse(request.body))).catch(() => undefined));
      } catch {
        // not JSON: nothing to download
      }
      return { status: 200 };
    },
    files,
    settled: async () => {
      await Promise.all(work);
    },
  };
}

/** A port free right now on 127.0.0.1, for --documents-api (the integration must know it in advance). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
