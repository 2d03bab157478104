/**
 * The one phrase for each way a connection can fail, used by every command and every request
 * (deliveries, check-tls handshakes, proxies, spec URLs, key sets, --forward-to, token requests),
 * so that the same failure reads the same everywhere and no raw code such as ECONNREFUSED is shown.
 */
export const FAILURE_WORDS: Readonly<Record<string, string>> = Object.freeze({
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found (DNS)',
  EAI_NONAME: 'host name not found (DNS)',
  EAI_FAIL: 'host name not found (DNS)',
  EAI_NODATA: 'host name not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed (temporary failure)',
  EHOSTUNREACH: 'host unreachable',
  EHOSTDOWN: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENETDOWN: 'network unreachable',
  EADDRNOTAVAIL: 'address not available',
  ECONNRESET: 'the connection was reset by the server',
  EPIPE: 'the server closed the connection while the request was sent',
});

/** The error's code, looking through `cause` (undici wraps the socket's error). */
export function failureCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause && cause !== error ? failureCodeOf(cause) : undefined;
}

/** The phrase for a failed fetch or connection: the table's words, else the innermost message. */
export function failureWordsOf(error: unknown): string {
  const code = failureCodeOf(error);
  if (code && FAILURE_WORDS[code]) return FAILURE_WORDS[code];
  const cause = (error as { cause?: { message?: unknown } } | null)?.cause;
  if (typeof cause?.message === 'string' && cause.message !== '') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
