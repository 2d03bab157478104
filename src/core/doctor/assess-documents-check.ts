import type { DocumentReport } from '../documents/assess-documents.js';
import type { DoctorCheck } from './doctor-types.js';
import { count } from '../text/count.js';

const TITLE = 'Documents downloaded';

/**
 * An order-documents event carries metadata only, so the integration must download each document
 * itself (docs/documents-api.md). Tradecloud's payload for it is thinly documented, so this check
 * warns and never fails.
 */
export function assessDocumentsCheck(
  documents: readonly DocumentReport[],
  waitSeconds: number,
  delivery: { status: number | null; outcome: string } | undefined,
): DoctorCheck {
  const fetched = documents.filter((d) => d.ok);
  const leaked = documents.filter((d) => d.credentialsSentToDownload !== undefined);
  const details = documents.map(
    (d) => `${d.filename} (${d.storage === 'object' ? 'objectId' : 'url only'}): ${d.message}`,
  );
  if (fetched.length === documents.length && leaked.length === 0) {
    const slowest = Math.max(...documents.map((d) => d.downloaded?.afterDeliveryMs ?? 0));
    return {
      id: 'documents',
      title: TITLE,
      status: 'pass',
      message: `${documents.length === 1 ? 'the document' : `all ${documents.length} documents`} of the order-documents event ${documents.length === 1 ? 'was' : 'were'} downloaded, the last ${(slowest / 1000).toFixed(1)} s after the delivery`,
      details,
    };
  }
  if (fetched.length === documents.length) {
    return {
      id: 'documents',
      title: TITLE,
      status: 'warn',
      message: `every document was downloaded, but ${leaked.length} download${leaked.length === 1 ? '' : 's'} carried API credentials`,
      fix: 'send no Authorization header to a downloadUrl: a pre-signed link carries its own signature, and the token would leak to the storage host',
      details,
    };
  }
  const url = documents.find((d) => d.storage === 'url' && !d.ok);
  const accepted =
    delivery !== undefined && delivery.status !== null && delivery.status >= 200 && delivery.status < 300;
  if (!accepted) {
    details.unshift(
      `the order-documents event was not accepted (${delivery?.status ?? 'no answer'}, ${delivery?.outcome ?? 'not sent'}), so the integration never saw its documents`,
    );
  }
  return {
    id: 'documents',
    title: TITLE,
    status: 'warn',
    message: `${documents.length - fetched.length} of ${count(documents.length, 'document')} ${documents.length - fetched.length === 1 ? 'was' : 'were'} not downloaded within ${waitSeconds} s`,
    fix:
      'the event carries metadata only: download the document (log in at /v2/authentication/login, GET /v2/object-storage/document/{objectId}/metadata with the access token, then GET its downloadUrl before it expires)' +
      (url ? '; a document with only a url is fetched from that url directly' : ''),
    details,
  };
}
