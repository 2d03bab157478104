import {
  createSecureContext,
  rootCertificates,
  type SecureContext,
  type SecureContextOptions,
} from 'node:tls';

/** Where a certificate trusted besides the public roots comes from. */
export type TrustSource = '--ca' | 'NODE_EXTRA_CA_CERTS';

/** A CA certificate trusted besides the public roots, with where it came from. */
export interface ExtraCa {
  pem: string;
  source: TrustSource;
  /** The file it was read from, as given. */
  file: string;
}

export const pemsOf = (extra: readonly ExtraCa[]): string[] => extra.map((e) => e.pem);

/** The verification settings a context is made for: the rest of the trust rule is fixed. */
export type TrustContextOptions = Pick<SecureContextOptions, 'minVersion' | 'ciphers'>;

const contexts = new Map<string, SecureContext>();

/**
 * The one trust store of every TLS connection the tool verifies (probes, grade, deliveries, OAuth
 * tokens, spec URLs, key sets, --forward-to, proxies): Node's public roots plus `extra`, the
 * certificates of --ca and NODE_EXTRA_CA_CERTS, never fewer. Without extra certificates it is Node's
 * default store. With some, the public roots are listed with them (the documented `ca` option
 * replaces the default store, NODE_EXTRA_CA_CERTS included, hence both are passed). One context per
 * set of settings per run: parsing the public roots takes tens of milliseconds.
 */
export function trustContext(
  extra: readonly string[],
  options: TrustContextOptions = {},
  publicRoots: readonly string[] = rootCertificates,
): SecureContext {
  const key = JSON.stringify([options.minVersion, options.ciphers, publicRoots === rootCertificates, extra]);
  let context = publicRoots === rootCertificates ? contexts.get(key) : undefined;
  if (!context) {
    const custom = extra.length > 0 || publicRoots !== rootCertificates;
    context = createSecureContext({ ...options, ...(custom ? { ca: [...publicRoots, ...extra] } : {}) });
    if (publicRoots === rootCertificates) contexts.set(key, context);
  }
  return context;
}
