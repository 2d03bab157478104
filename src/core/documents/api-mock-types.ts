/** The local stand-in for Tradecloud's document API (docs/documents-api.md): what it knows and records. */

export interface ApiCredentials {
  username: string;
  password: string;
}

/** A document the mock serves: an object-storage document (objectId) or a url-only one (path on the mock). */
export interface MockDocument {
  /** The objectId, or for a url-only document its path on the mock (`/files/…`). */
  key: string;
  storage: 'object' | 'url';
  /** The file name the metadata answer gives, e.g. `Quality agreement.pdf`. */
  filename: string;
}

/** What a request to the mock was, as far as the document flow is concerned. */
export type ApiRequestKind = 'login' | 'metadata' | 'download' | 'url-document' | 'other';

/** One request the integration made to the mock, and what the mock answered. */
export interface ApiActivity {
  /** 1-based, in arrival order. */
  seq: number;
  /** Wall-clock time the request arrived (ISO 8601). */
  at: string;
  /** Monotonic milliseconds, to measure delays against the delivery. */
  atMs: number;
  method: string;
  /** The path without its query (a pre-signed link's signature stays out of reports). */
  path: string;
  kind: ApiRequestKind;
  status: number;
  /** The objectId (metadata, download) or url-document path the request was about. */
  document?: string;
  /** Bytes of the file served (downloads and url documents answered 200). */
  bytes?: number;
  /** Why the answer was not 2xx, in words: what the integration did wrong. */
  reason?: string;
  /** The Authorization scheme a download or url-document request carried: it needs none. */
  credentialsSent?: string;
  /** For login: the user name it presented (never the password). */
  username?: string;
}

export interface ApiMockStart {
  /** The base URL the integration must use instead of https://api.tradecloud1.com/v2 . */
  apiBase: string;
  /** Where the mock listens. */
  url: string;
  linkTtlSeconds: number;
  username: string;
  warnings: string[];
}
