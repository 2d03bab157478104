import type { TlsCheck } from '../assess-types.js';
import type { TlsVersion } from '../probe-types.js';
import type { VersionSuites } from './enumerate-suites.js';
import type { GradeCap } from './grade-types.js';
import type { HstsPolicy } from './hsts-header.js';
import type { SuiteFacts, WeakReason } from './suite-catalog.js';

export interface CapInput {
  protocols: Record<TlsVersion, boolean>;
  ssl3: boolean;
  suites: Partial<Record<TlsVersion, VersionSuites>>;
  /** The suite a current client (Node's default offer) negotiated at the best version. */
  negotiated: SuiteFacts | null;
  keyExchangeScore: number;
  signatureAlgorithm: string | null;
  checks: readonly TlsCheck[];
  hsts: HstsPolicy | null;
}

/** Six months, SSL Labs' minimum HSTS max-age for A+. */
export const HSTS_MIN_SECONDS = 15_768_000;

const cap = (id: string, letter: GradeCap['letter'], reason: string, fix: string): GradeCap => ({
  id,
  letter,
  reason,
  fix,
});

/** Every rule of docs/tls-grade.md ("Caps") that applies, each with its reason and fix. */
export function findCaps(input: CapInput): GradeCap[] {
  const caps: GradeCap[] = [];
  const status = (id: string) => input.checks.find((c) => c.id === id)?.status;
  const all = Object.values(input.suites).flatMap((v) => v?.suites ?? []);
  const modern = (['TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const).flatMap((v) => input.suites[v]?.suites ?? []);
  const has = (reason: WeakReason, list: readonly SuiteFacts[] = all) =>
    list.some((s) => s.weakReasons.includes(reason));
  const names = (reason: WeakReason) =>
    [...new Set(all.filter((s) => s.weakReasons.includes(reason)).map((s) => s.openssl || s.name))].join(
      ', ',
    );
  const removeSuites = (reason: WeakReason) => `remove ${names(reason)} from your server's cipher list`;

  // Trust (T) and name (M): SSL Labs shows these instead of a letter.
  if (status('cert.self-signed') === 'fail')
    caps.push(
      cap('cert.self-signed', 'T', 'the certificate is self-signed', 'use a certificate from a public CA'),
    );
  else if (status('cert.trusted') === 'fail')
    caps.push(
      cap(
        'cert.untrusted',
        'T',
        'the certificate chain is not trusted',
        'serve a chain that leads to a public root (see cert.trusted and cert.chain)',
      ),
    );
  if (status('cert.validity') === 'fail')
    caps.push(
      cap('cert.validity', 'T', 'the certificate is expired or not yet valid', 'renew the certificate'),
    );
  if (input.signatureAlgorithm && /sha1/i.test(input.signatureAlgorithm))
    caps.push(
      cap(
        'cert.sha1',
        'T',
        'the certificate is signed with SHA-1, which browsers no longer trust',
        'reissue the certificate with a SHA-256 signature',
      ),
    );
  if (status('cert.hostname') === 'fail')
    caps.push(
      cap(
        'cert.hostname',
        'M',
        'the certificate does not cover the host name',
        'use a certificate whose names include the host',
      ),
    );

  if (input.signatureAlgorithm && /md[25]/i.test(input.signatureAlgorithm))
    caps.push(
      cap(
        'cert.md5',
        'F',
        'the certificate is signed with MD5 or MD2',
        'reissue the certificate with a SHA-256 signature',
      ),
    );
  if (has('NULL'))
    caps.push(cap('cipher.null', 'F', 'suites without encryption (NULL) are accepted', removeSuites('NULL')));
  if (has('anonymous'))
    caps.push(
      cap(
        'cipher.anonymous',
        'F',
        'anonymous suites (no server authentication) are accepted',
        removeSuites('anonymous'),
      ),
    );
  if (has('EXPORT'))
    caps.push(cap('cipher.export', 'F', 'EXPORT suites are accepted', removeSuites('EXPORT')));
  if (has('under 112 bits'))
    caps.push(
      cap(
        'cipher.under-112',
        'F',
        'suites weaker than 112 bits (DES, 40/56-bit) are accepted',
        removeSuites('under 112 bits'),
      ),
    );
  if (input.keyExchangeScore <= 40)
    caps.push(
      cap(
        'kx.insecure',
        'F',
        'a key or DH group under 1024 bits is used',
        'use an RSA key of 2048 bits or more, or ECDSA, and DH groups of 2048 bits or more (or ECDHE only)',
      ),
    );
  else if (input.keyExchangeScore <= 80)
    caps.push(
      cap(
        'kx.weak',
        'B',
        'a key or DH group under 2048 bits is used',
        'use an RSA key of 2048 bits or more, or ECDSA, and DH groups of 2048 bits or more (or ECDHE only)',
      ),
    );

  if (!input.protocols['TLSv1.2'] && !input.protocols['TLSv1.3'])
    caps.push(
      cap(
        'protocol.no-tls12',
        'C',
        'neither TLS 1.2 nor TLS 1.3 is accepted',
        'enable TLS 1.2 and TLS 1.3 in your server',
      ),
    );
  if (input.ssl3)
    caps.push(
      cap(
        'protocol.ssl3',
        'C',
        'SSL 3.0 is accepted (POODLE)',
        "disable SSL 3.0 in your server's protocol list",
      ),
    );
  if (input.protocols.TLSv1 || input.protocols['TLSv1.1'])
    caps.push(
      cap(
        'protocol.legacy',
        'B',
        'TLS 1.0 and 1.1 are accepted',
        "disable them in your server's protocol list (TLS 1.2 and 1.3 only)",
      ),
    );
  if (has('RC4', modern))
    caps.push(cap('cipher.rc4-modern', 'C', 'RC4 is accepted with TLS 1.1 or newer', removeSuites('RC4')));
  else if (has('RC4')) caps.push(cap('cipher.rc4', 'B', 'RC4 suites are accepted', removeSuites('RC4')));
  if (blockCipher64OnModern(input.suites))
    caps.push(
      cap(
        'cipher.64-bit-block',
        'C',
        '3DES or another 64-bit block cipher is accepted with TLS 1.1 or newer, not last in the server order (SWEET32)',
        removeSuites('64-bit block'),
      ),
    );

  const fs = all.filter((s) => s.forwardSecrecy && !s.weakReasons.includes('anonymous'));
  if (all.length > 0 && (fs.length === 0 || (input.negotiated && !input.negotiated.forwardSecrecy)))
    caps.push(
      cap(
        'kx.no-forward-secrecy',
        'B',
        'current clients get no forward secrecy',
        'enable ECDHE suites (ECDHE-RSA-AES128-GCM-SHA256, …) and prefer them',
      ),
    );
  else if (nonFsPreferred(input.suites))
    caps.push(
      cap(
        'kx.partial-forward-secrecy',
        'A-',
        'the server prefers RSA key exchange suites (no forward secrecy) over forward-secret ones',
        "put the ECDHE suites first in your server's cipher order, or remove the RSA key exchange suites",
      ),
    );
  if (all.length > 0 && !all.some((s) => s.aead))
    caps.push(
      cap(
        'cipher.no-aead',
        'B',
        'no AEAD suite (GCM or ChaCha20-Poly1305) is accepted: CBC only',
        'enable TLS 1.3 or ECDHE-RSA-AES128-GCM-SHA256 and ECDHE-RSA-CHACHA20-POLY1305',
      ),
    );

  if (input.hsts === null)
    caps.push(
      cap(
        'hsts.unknown',
        'A',
        'HSTS could not be read (A+ needs it)',
        'fix the certificate findings so that the policy can be fetched',
      ),
    );
  else if (!input.hsts.present)
    caps.push(
      cap(
        'hsts.missing',
        'A',
        'no Strict-Transport-Security header (A+ needs it)',
        'send Strict-Transport-Security: max-age=31536000',
      ),
    );
  else if ((input.hsts.maxAge ?? 0) < HSTS_MIN_SECONDS)
    caps.push(
      cap(
        'hsts.short',
        'A',
        'HSTS max-age is under six months (A+ needs at least 15768000 seconds)',
        'send Strict-Transport-Security: max-age=31536000',
      ),
    );
  return caps;
}

function blockCipher64OnModern(suites: CapInput['suites']): boolean {
  return (['TLSv1.1', 'TLSv1.2'] as const).some((version) => {
    const entry = suites[version];
    if (!entry) return false;
    const list = entry.suites;
    const at = list.findIndex((s) => s.weakReasons.includes('64-bit block'));
    if (at === -1) return false;
    // SSL Labs spares 3DES kept at the end of an enforced order: only legacy clients ever get it.
    const onlyLast =
      entry.serverOrder === true && list.slice(at).every((s) => s.weakReasons.includes('64-bit block'));
    return !onlyLast;
  });
}

/**
 * A server that enforces an order preferring a non-forward-secret suite over a forward-secret one
 * gives clients capable of forward secrecy none (with its best protocol they still get it, or
 * kx.no-forward-secrecy applies). Clients pick in client order, and every current one prefers ECDHE.
 */
function nonFsPreferred(suites: CapInput['suites']): boolean {
  return Object.values(suites).some((entry) => {
    if (!entry || entry.serverOrder !== true) return false;
    const firstNonFs = entry.suites.findIndex((s) => !s.forwardSecrecy);
    return firstNonFs !== -1 && entry.suites.slice(firstNonFs).some((s) => s.forwardSecrecy);
  });
}
