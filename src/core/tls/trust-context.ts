import {
  createSecureContext,
  rootCertificates,
  type SecureContext,
  type SecureContextOptions,
} from 'node:tls';

interface NativeContext {
  addCACert?: (pem: string) => void;
}

/**
 * A context that trusts Node's public roots plus `extra` PEM certificates. Passing
 * `ca: [...tls.rootCertificates, ...extra]` would make OpenSSL parse ~150 PEM roots again, 50–100 ms
 * on every run; Node's built-in store is already parsed, and adding to it copies it cheaply. Node 20
 * has no public API for that, so this uses the context's addCACert (as the win-ca and mac-ca
 * packages do) and falls back to the slow, public way if it is ever missing.
 */
export function createTrustContext(
  options: SecureContextOptions,
  publicRoots: readonly string[],
  extra: readonly string[],
): SecureContext {
  // A caller-chosen set of public roots (tests) cannot come from Node's built-in store.
  if (publicRoots !== rootCertificates)
    return createSecureContext({ ...options, ca: [...publicRoots, ...extra] });
  if (extra.length === 0) return createSecureContext(options);
  const context = createSecureContext(options);
  const addCACert = nativeAddCACert(context);
  if (addCACert === undefined) return createSecureContext({ ...options, ca: [...publicRoots, ...extra] });
  for (const pem of extra) addCACert(pem);
  return context;
}

/**
 * The native context's addCACert, bound, or undefined where this Node no longer has it (then the slow,
 * public way is used). Exported so a test fails when the fast path silently stops working.
 */
export function nativeAddCACert(context: SecureContext): ((pem: string) => void) | undefined {
  const native = (context as unknown as { context?: NativeContext }).context;
  return typeof native?.addCACert === 'function' ? native.addCACert.bind(native) : undefined;
}
