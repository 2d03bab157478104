import type { ApiActivity, ApiCredentials, MockDocument } from './api-mock-types.js';
import type { AuthOutcome } from '../serve/auth-outcome.js';
import { basicAuthCheck, bearerTokenOf } from '../serve/check-static-auth.js';

/**
 * The document API as the mock answers it: Tradecloud's login and document-metadata endpoints, a
 * pre-signed download link per metadata call, and url-only documents. Pure: the clock and the token
 * source are the policy's, the issued tokens and links live in the state the caller keeps.
 * Where Tradecloud publishes nothing (statuses on expiry, token lifetime), docs/documents-api.md
 * says what is assumed here.
 */
export interface ApiMockPolicy {
  credentials: ApiCredentials;
  /** How long a download link stays valid after the metadata call. */
  linkTtlMs: number;
  /** How long an access token from login is accepted. */
  tokenTtlMs: number;
  /** The documents of the run; absent when standing alone (any well-formed objectId, any /files/ path). */
  documents?: ReadonlyMap<string, MockDocument>;
  /** Monotonic milliseconds. */
  now(): number;
  /** A fresh unguessable token (access tokens, refresh tokens, link signatures). */
  randomToken(): string;
  pdf(document: MockDocument): Buffer;
  /** Told of the access and refresh tokens of each login, before they are answered: secrets to mask. */
  onIssued?(...tokens: string[]): void;
}

export interface ApiMockState {
  /** Access token → when it stops being accepted. */
  tokens: Map<string, number>;
  /** Link signature → the document and when the link expires. */
  links: Map<string, { key: string; expiresAtMs: number }>;
}

export interface ApiRequest {
  method: string;
  /** Path and query, as on the request line. */
  path: string;
  /** `scheme://host[:port]` the request was sent to: download links are built on it, as S3 links are absolute. */
  origin: string;
  authorization?: string;
}

export type ApiActivityFacts = Omit<ApiActivity, 'seq' | 'at' | 'atMs' | 'method' | 'path' | 'status'>;

export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
  activity: ApiActivityFacts;
}

export const LOGIN_PATH = '/v2/authentication/login';
const METADATA_PATH = /^\/v2\/object-storage\/document\/([^/]+)\/metadata$/;
/** Where the pre-signed links point, standing in for the storage bucket. */
const DOWNLOAD_PATH = /^\/object-storage-bucket\/([^/]+)\/[^/]+$/;
export const URL_DOCUMENTS_PREFIX = '/files/';
const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createApiMockState(): ApiMockState {
  return { tokens: new Map(), links: new Map() };
}

export function answerApiRequest(request: ApiRequest, policy: ApiMockPolicy, state: ApiMockState): ApiAnswer {
  const url = new URL(request.path, 'http://mock.invalid');
  const path = url.pathname;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return json(
      405,
      { message: `${request.method} is not answered here: every endpoint is GET` },
      {
        kind: 'other',
        reason: `${request.method} instead of GET`,
      },
      { allow: 'GET, HEAD' },
    );
  }
  if (path === LOGIN_PATH) return login(request, policy, state);
  const metadataMatch = METADATA_PATH.exec(path);
  if (metadataMatch) return metadata(decodeURIComponent(metadataMatch[1]!), request, policy, state);
  const downloadMatch = DOWNLOAD_PATH.exec(path);
  if (downloadMatch) return download(decodeURIComponent(downloadMatch[1]!), url, request, policy, state);
  if (path.startsWith(URL_DOCUMENTS_PREFIX)) return urlDocument(path, request, policy);
  return json(404, { message: 'no such endpoint on this mock' }, { kind: 'other', reason: 'unknown path' });
}

function login(request: ApiRequest, policy: ApiMockPolicy, state: ApiMockState): ApiAnswer {
  const { username, password } = policy.credentials;
  // The static checks answer at once; only the OAuth 2.0 check of listen is asynchronous.
  const checked = basicAuthCheck(username, password)(request.authorization) as AuthOutcome;
  if (!checked.ok) {
    return json(
      401,
      { message: 'Invalid credentials' },
      { kind: 'login', reason: checked.reason },
      { 'www-authenticate': 'Basic realm="Tradecloud"' },
    );
  }
  const token = policy.randomToken();
  const refresh = policy.randomToken();
  policy.onIssued?.(token, refresh);
  state.tokens.set(token, policy.now() + policy.tokenTtlMs);
  return json(
    200,
    { username },
    { kind: 'login', username },
    {
      'set-authorization': token,
      'set-refresh-token': refresh,
      'access-control-expose-headers': 'Set-Authorization, Set-Refresh-Token',
    },
  );
}

function metadata(id: string, request: ApiRequest, policy: ApiMockPolicy, state: ApiMockState): ApiAnswer {
  const refused = checkBearer(request.authorization, policy, state);
  if (refused) {
    return json(401, { message: 'Unauthorized' }, { kind: 'metadata', document: id, reason: refused });
  }
  const document = findObject(id, policy);
  if (!document) {
    const reason = OBJECT_ID.test(id)
      ? 'no document with this objectId was sent in this run'
      : 'not an objectId (a UUID)';
    return json(404, { message: `Document ${id} not found` }, { kind: 'metadata', document: id, reason });
  }
  const signature = policy.randomToken();
  state.links.set(signature, { key: id, expiresAtMs: policy.now() + policy.linkTtlMs });
  const expires = Math.round(policy.linkTtlMs / 1000);
  const downloadUrl =
    `${request.origin}/object-storage-bucket/${encodeURIComponent(id)}/${encodeURIComponent(document.filename)}` +
    `?X-Amz-Expires=${expires}&X-Amz-Signature=${signature}`;
  return json(
    200,
    { id, filename: document.filename, contentType: 'application/pdf', downloadUrl },
    { kind: 'metadata', document: id },
  );
}

function download(
  id: string,
  url: URL,
  request: ApiRequest,
  policy: ApiMockPolicy,
  state: ApiMockState,
): ApiAnswer {
  const facts = { kind: 'download' as const, document: id, ...credentialsOf(request) };
  const link = state.links.get(url.searchParams.get('X-Amz-Signature') ?? '');
  // Signed storage answers 403 to a link it did not sign and to one past its expiry.
  if (!link || link.key !== id) {
    return xmlError(403, 'SignatureDoesNotMatch', { ...facts, reason: 'not a link the metadata call gave' });
  }
  const late = policy.now() - link.expiresAtMs;
  if (late > 0) {
    return xmlError(403, 'AccessDenied', {
      ...facts,
      reason: `link used ${(late / 1000).toFixed(1)} s after it expired`,
    });
  }
  return pdf(findObject(id, policy)!, facts, policy);
}

function urlDocument(path: string, request: ApiRequest, policy: ApiMockPolicy): ApiAnswer {
  const facts = { kind: 'url-document' as const, document: path, ...credentialsOf(request) };
  const known = policy.documents
    ? policy.documents.get(path)
    : {
        key: path,
        storage: 'url' as const,
        filename: decodeURIComponent(path.slice(URL_DOCUMENTS_PREFIX.length)),
      };
  if (!known) return json(404, { message: 'Not found' }, { ...facts, reason: 'no such document' });
  return pdf(known, facts, policy);
}

function findObject(id: string, policy: ApiMockPolicy): MockDocument | undefined {
  if (policy.documents) {
    const known = policy.documents.get(id);
    return known?.storage === 'object' ? known : undefined;
  }
  return OBJECT_ID.test(id) ? { key: id, storage: 'object', filename: `${id}.pdf` } : undefined;
}

function checkBearer(
  authorization: string | undefined,
  policy: ApiMockPolicy,
  state: ApiMockState,
): string | undefined {
  const presented = bearerTokenOf(authorization);
  if ('reason' in presented) return `${presented.reason}: send the access token from login as Bearer`;
  const until = state.tokens.get(presented.token);
  if (until === undefined) return 'an access token this API never issued';
  if (policy.now() > until) return 'the access token has expired: log in again';
  return undefined;
}

function credentialsOf(request: ApiRequest): { credentialsSent?: string } {
  if (!request.authorization) return {};
  return { credentialsSent: request.authorization.split(/\s+/, 1)[0] ?? 'some' };
}

function pdf(document: MockDocument, facts: ApiActivityFacts, policy: ApiMockPolicy): ApiAnswer {
  const body = policy.pdf(document);
  return {
    status: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${document.filename.replace(/["\\\r\n]/g, '_')}"`,
    },
    body,
    activity: { ...facts, bytes: body.length },
  };
}

function json(
  status: number,
  body: unknown,
  activity: ApiActivityFacts,
  headers: Record<string, string> = {},
): ApiAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    activity,
  };
}

function xmlError(status: number, code: string, activity: ApiActivityFacts): ApiAnswer {
  const message = code === 'AccessDenied' ? 'Request has expired' : 'The request signature does not match';
  return {
    status,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>\n`,
    activity,
  };
}
