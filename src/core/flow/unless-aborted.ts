/**
 * The promise's value, or undefined as soon as the signal is aborted (Ctrl-C): the command stops
 * waiting for work it cannot cut short (a TLS handshake, stdin) and reports what it did. An abandoned
 * promise's later failure is nobody's news.
 */
export async function unlessAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
): Promise<T | undefined> {
  if (!signal) return promise;
  promise.catch(() => undefined);
  if (signal.aborted) return undefined;
  let onAbort = () => undefined as void;
  const aborted = new Promise<undefined>((resolve) => (onAbort = () => resolve(undefined)));
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await Promise.race([promise, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
