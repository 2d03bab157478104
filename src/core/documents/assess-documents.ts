import type { ApiActivity } from './api-mock-types.js';
import type { SentDocument } from './link-documents.js';

export type DocumentOutcome =
  /** Logged in, fetched the metadata and downloaded the file with a valid link. */
  | 'downloaded'
  /** The url-only document was fetched from its url. */
  | 'fetched'
  /** Only tried links past their expiry. */
  | 'expired-link'
  /** The metadata came back, the file was never downloaded. */
  | 'metadata-only'
  /** The metadata call was refused (no or a bad access token). */
  | 'metadata-refused'
  /** Login was refused and never succeeded. */
  | 'login-refused'
  | 'never-fetched';

export interface Moment {
  /** Wall-clock time (ISO 8601). */
  at: string;
  /** Milliseconds after the body carrying the document was delivered. */
  afterDeliveryMs: number;
}

/** One document of the run and what the integration did with it (the report's `documents[]`). */
export interface DocumentReport {
  event: string;
  storage: 'object' | 'url';
  objectId?: string;
  url?: string;
  filename: string;
  outcome: DocumentOutcome;
  /** True when the outcome is what Tradecloud needs of the integration (the file is fetched). */
  ok: boolean;
  /** The login used for it: the last successful one before its metadata call. */
  loggedIn?: Moment;
  /** The first successful metadata call, and its answer (the download link left out). */
  metadata?: Moment & { status: number; answer: { id: string; filename: string; contentType: string } };
  /** The first successful download. */
  downloaded?: Moment & { bytes: number };
  /** A download was tried with a link past its expiry (403). */
  expiredLinkUsed: boolean;
  /** The Authorization scheme sent along to the download URL or url, which needs none (a warning). */
  credentialsSentToDownload?: string;
  /** What happened, in one sentence. */
  message: string;
}

export interface DocumentsSummary {
  documents: number;
  /** Downloaded or, for url-only documents, fetched. */
  fetched: number;
  warnings: number;
}

/** Milliseconds, rounded to a tenth. */
const ms = (value: number) => Math.round(value * 10) / 10;

/** What the integration did with each document, judged from the requests the mock recorded. Pure. */
export function assessDocuments(
  sent: readonly SentDocument[],
  activity: readonly ApiActivity[],
  deliveredAtMs: (document: SentDocument) => number,
): { documents: DocumentReport[]; summary: DocumentsSummary } {
  const logins = activity.filter((a) => a.kind === 'login');
  const documents = sent.map((doc) => assessOne(doc, activity, logins, deliveredAtMs(doc)));
  return {
    documents,
    summary: {
      documents: documents.length,
      fetched: documents.filter((d) => d.ok).length,
      warnings: documents.filter((d) => !d.ok || d.credentialsSentToDownload || d.expiredLinkUsed).length,
    },
  };
}

function assessOne(
  doc: SentDocument,
  activity: readonly ApiActivity[],
  logins: readonly ApiActivity[],
  deliveredAt: number,
): DocumentReport {
  const moment = (a: ApiActivity): Moment => ({ at: a.at, afterDeliveryMs: ms(a.atMs - deliveredAt) });
  const mine = activity.filter((a) => a.document === doc.key && a.atMs >= deliveredAt - 1);
  const fileKind = doc.storage === 'object' ? 'download' : 'url-document';
  const files = mine.filter((a) => a.kind === fileKind);
  const got = files.find((a) => a.status === 200);
  const expiredLinkUsed = files.some((a) => a.status === 403 && a.reason?.includes('expired') === true);
  const credentials = files.find((a) => a.credentialsSent)?.credentialsSent;
  const base = {
    event: doc.event,
    storage: doc.storage,
    ...(doc.storage === 'object' ? { objectId: doc.key } : { url: doc.url ?? doc.key }),
    filename: doc.filename,
    expiredLinkUsed,
    ...(credentials ? { credentialsSentToDownload: credentials } : {}),
  };
  const warnCredentials = credentials
    ? `; it sent ${credentials} credentials to the download URL, which needs none (a pre-signed link carries its own signature)`
    : '';
  if (doc.storage === 'url') {
    return got
      ? {
          ...base,
          outcome: 'fetched',
          ok: true,
          downloaded: { ...moment(got), bytes: got.bytes ?? 0 },
          message: `fetched from its url, ${got.bytes ?? 0} bytes${warnCredentials}`,
        }
      : {
          ...base,
          outcome: 'never-fetched',
          ok: false,
          message:
            'never fetched: a document with only a url is downloaded from that url, without the Tradecloud API',
        };
  }
  const metadataOk = mine.find((a) => a.kind === 'metadata' && a.status === 200);
  const loginFor = [...logins]
    .reverse()
    .find((a) => a.status === 200 && a.atMs <= (metadataOk?.atMs ?? Infinity) && a.atMs >= deliveredAt - 1);
  const timeline = {
    ...(loginFor ? { loggedIn: moment(loginFor) } : {}),
    ...(metadataOk
      ? {
          metadata: {
            ...moment(metadataOk),
            status: 200,
            answer: { id: doc.key, filename: doc.filename, contentType: 'application/pdf' },
          },
        }
      : {}),
  };
  if (got) {
    const late = expiredLinkUsed ? '; an expired link was tried first' : '';
    return {
      ...base,
      ...timeline,
      outcome: 'downloaded',
      ok: true,
      downloaded: { ...moment(got), bytes: got.bytes ?? 0 },
      message: `downloaded ${got.bytes ?? 0} bytes ${seconds(got.atMs - deliveredAt)} after the delivery${late}${warnCredentials}`,
    };
  }
  const lastExpired = [...files].reverse().find((a) => a.status === 403);
  if (lastExpired) {
    return {
      ...base,
      ...timeline,
      outcome: 'expired-link',
      ok: false,
      message: `the download link was used too late (${lastExpired.reason ?? '403'}): download within the link's lifetime, or fetch the metadata again for a fresh link${warnCredentials}`,
    };
  }
  if (metadataOk) {
    return {
      ...base,
      ...timeline,
      outcome: 'metadata-only',
      ok: false,
      message: 'the metadata was fetched but the file never downloaded: GET the downloadUrl it returns',
    };
  }
  const refused = mine.find((a) => a.kind === 'metadata');
  if (refused) {
    return {
      ...base,
      ...timeline,
      outcome: 'metadata-refused',
      ok: false,
      message: `the metadata call was refused (${refused.status}: ${refused.reason ?? 'refused'})`,
    };
  }
  const failedLogin = logins.find((a) => a.status !== 200 && a.atMs >= deliveredAt - 1);
  if (failedLogin && !loginFor) {
    return {
      ...base,
      outcome: 'login-refused',
      ok: false,
      message: `login was refused (${failedLogin.status}: ${failedLogin.reason ?? 'refused'}): check the API user name and password`,
    };
  }
  return {
    ...base,
    ...timeline,
    outcome: 'never-fetched',
    ok: false,
    message:
      'never fetched: the event carries metadata only, so log in, fetch the metadata and download the document',
  };
}

function seconds(value: number): string {
  return `${(value / 1000).toFixed(1)} s`;
}
