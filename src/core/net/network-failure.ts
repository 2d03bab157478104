import { NetworkError, type ErrorCode } from '../../errors.js';
import { FAILURE_WORDS } from './failure-words.js';
import { SELF_SIGNED_LEAF, SELF_SIGNED_LEAF_HINT, SELF_SIGNED_LEAF_MESSAGE } from './self-signed-leaf.js';

/**
 * Turns a Node or undici error into words, and says how far the exchange got: `connect` and `tls`
 * mean the endpoint could not be reached at all; `answer` means it was reached but did not answer
 * properly (a delivery finding).
 */
export type FailureStage = 'connect' | 'tls' | 'answer';

export interface NetworkFailure {
  stage: FailureStage;
  reason: string;
}

/** Failures before any byte reached the endpoint: their words come from the one table. */
const CONNECT_CODES = [
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_NONAME',
  'EAI_FAIL',
  'EAI_NODATA',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
];
const CONNECT: Record<string, string> = Object.fromEntries(
  CONNECT_CODES.map((code) => [code, FAILURE_WORDS[code] as string]),
);

const TLS: Record<string, string> = {
  // The same words whether or not --ca trusts it: Tradecloud refuses a self-signed leaf either way.
  DEPTH_ZERO_SELF_SIGNED_CERT: SELF_SIGNED_LEAF_MESSAGE,
  [SELF_SIGNED_LEAF]: SELF_SIGNED_LEAF_MESSAGE,
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain ends in an untrusted self-signed root',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'the certificate cannot be verified (intermediate certificates missing, or issued by a private CA)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the certificate is issued by a CA that is not trusted',
  UNABLE_TO_GET_ISSUER_CERT: 'the certificate is issued by a CA that is not trusted',
  CERT_HAS_EXPIRED: 'the certificate has expired',
  CERT_NOT_YET_VALID: 'the certificate is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate does not cover this host name',
  CERT_REVOKED: 'the certificate has been revoked',
  CERT_SIGNATURE_FAILURE: 'the certificate signature does not verify',
};

const ANSWER: Record<string, string> = {
  ECONNRESET: FAILURE_WORDS.ECONNRESET as string,
  EPIPE: FAILURE_WORDS.EPIPE as string,
  UND_ERR_SOCKET: 'the server closed the connection without answering',
  UND_ERR_CLOSED: 'the connection was closed',
  UND_ERR_HEADERS_OVERFLOW: 'the answer headers are larger than 16 KiB, more than an HTTP client accepts',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'the answer body does not match its Content-Length',
  UND_ERR_RES_EXCEEDED_MAX_SIZE: 'the answer body is larger than allowed',
  HPE_INVALID_CONSTANT: 'the answer is not valid HTTP/1.1',
};

/** undici's SocketError messages for a server that breaks HTTP/1.1 (lib/dispatcher/client-h1.js). */
const SOCKET_MESSAGES: Record<string, string> = {
  'bad response':
    'the server sent an answer nobody asked for (an unsolicited 100 Continue, or bytes before the request)',
  'bad upgrade': 'the server switched protocols (101) although the request asked for no upgrade',
};

/** A failure once the status line and headers had arrived: the answer started, then broke off. */
function describeBrokenAnswer(code: string, message: string, status: number, timeoutMs: number): string {
  if (code === 'TC_ATTEMPT_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return `answered ${status}, but the body did not finish within ${timeoutMs} ms`;
  }
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'UND_ERR_CLOSED') {
    return `answered ${status}, then closed the connection in the middle of the body`;
  }
  const reason = describeNetworkFailure(Object.assign(new Error(message), { code }), timeoutMs).reason;
  return `answered ${status}, then ${reason}`;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause && cause !== error ? codeOf(cause) : undefined;
}

/** `status`: the final status already received when the error struck, if any. */
export function describeNetworkFailure(error: unknown, timeoutMs: number, status?: number): NetworkFailure {
  const code = codeOf(error) ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (status !== undefined) {
    return { stage: 'answer', reason: describeBrokenAnswer(code, message, status, timeoutMs) };
  }
  if (code === 'TC_ATTEMPT_TIMEOUT') {
    const connected = (error as { connected?: boolean }).connected === true;
    return connected
      ? { stage: 'answer', reason: `no answer within ${timeoutMs} ms` }
      : { stage: 'connect', reason: `no connection within ${timeoutMs} ms` };
  }
  if (code === 'UND_ERR_SOCKET' && SOCKET_MESSAGES[message]) {
    return { stage: 'answer', reason: SOCKET_MESSAGES[message] };
  }
  if (CONNECT[code]) return { stage: 'connect', reason: CONNECT[code] };
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return { stage: 'connect', reason: `no connection within ${timeoutMs} ms` };
  }
  if (TLS[code]) return { stage: 'tls', reason: TLS[code] };
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(message)) {
    return { stage: 'tls', reason: 'the server does not speak TLS on this port (is it plain http?)' };
  }
  if (/protocol version|unsupported protocol|no protocols available/i.test(message)) {
    return { stage: 'tls', reason: 'the server does not offer TLS 1.2 or TLS 1.3' };
  }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code === 'EPROTO') {
    return { stage: 'tls', reason: `TLS handshake failed (${code})` };
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT')
    return { stage: 'answer', reason: `no answer within ${timeoutMs} ms` };
  if (code === 'UND_ERR_BODY_TIMEOUT') {
    return { stage: 'answer', reason: `the response body stalled for ${timeoutMs} ms` };
  }
  if (ANSWER[code]) return { stage: 'answer', reason: ANSWER[code] };
  if (code.startsWith('HPE_'))
    return { stage: 'answer', reason: `the answer is not valid HTTP/1.1 (${code})` };
  if ((error as { name?: unknown } | null)?.name === 'HTTPParserError') {
    return { stage: 'answer', reason: `the answer is not valid HTTP/1.1: ${message}` };
  }
  if (code === 'ERR_ASSERTION') {
    // undici asserts a status line's code is at least 100 rather than raising a parser error.
    return { stage: 'answer', reason: 'the answer is not valid HTTP/1.1 (an impossible status code)' };
  }
  return { stage: 'answer', reason: code ? `${message} (${code})` : message };
}

function connectCode(note: string | undefined): ErrorCode {
  if (note === FAILURE_WORDS.ECONNREFUSED) return 'network.refused';
  if (note === FAILURE_WORDS.ENOTFOUND || note === FAILURE_WORDS.EAI_AGAIN) return 'network.dns';
  if (note?.startsWith('no connection within ')) return 'network.timeout';
  return 'network';
}

/** The could-not-run error for an endpoint no request could reach. */
export function unreachableError(url: URL, failure: { stage?: FailureStage; note?: string }): NetworkError {
  if (failure.stage === 'tls' && failure.note === SELF_SIGNED_LEAF_MESSAGE) {
    return new NetworkError(`${url.origin}: ${SELF_SIGNED_LEAF_MESSAGE}`, SELF_SIGNED_LEAF_HINT, {
      code: 'network.tls',
    });
  }
  if (failure.stage === 'tls') {
    return new NetworkError(
      `${url.origin} refused a verifying TLS connection: ${failure.note}; Tradecloud would refuse it too`,
      'Serve a certificate from a public CA with its full chain (check with tc-webhook check-tls); trust a private test CA with --ca',
      { code: 'network.tls' },
    );
  }
  return new NetworkError(
    `cannot connect to ${url.href}: ${failure.note}`,
    'Check the URL and that the endpoint is running',
    { code: connectCode(failure.note) },
  );
}

/** The could-not-run error for an endpoint that accepted connections but never gave a usable answer. */
export function noAnswerError(url: URL, failure: { note?: string }): NetworkError {
  const note = failure.note ?? 'no answer';
  if (note.startsWith('no answer within ')) {
    return new NetworkError(
      `${url.href} accepted the connection but gave no answer ${note.slice('no answer '.length)}`,
      'Check that the endpoint answers every POST (Tradecloud waits about 60 s); raise --timeout if it is only slow',
      { code: 'network.timeout' },
    );
  }
  return new NetworkError(
    `${url.href} accepted the connection but gave no usable answer: ${note}`,
    'Check that the endpoint answers every POST with one complete HTTP/1.1 response',
  );
}
