import { checkServerIdentity } from 'node:tls';
import { check, type CertificateContext, type TlsCheck } from './assess-types.js';
import { formatName, isSelfSigned, parseCertificateDate } from './certificate-facts.js';
import { readSignatureAlgorithm } from './der-certificate.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const WARN_DAYS = 30;
const day = (date: Date) => date.toISOString().slice(0, 10);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function assessHostname(c: CertificateContext): TlsCheck {
  // Node's own rules (RFC 6125 wildcards, IP literals against IP SANs), the ones Node clients apply.
  const mismatch = checkServerIdentity(c.identityHost, c.leaf.toLegacyObject());
  if (!mismatch) return check('cert.hostname', 'pass', `the certificate covers "${c.identityHost}"`);
  const names = c.facts.subjectAltNames.length > 0 ? c.facts.subjectAltNames.join(', ') : c.facts.subject;
  return check(
    'cert.hostname',
    'fail',
    `the certificate does not cover "${c.identityHost}" (it names ${names}); get a certificate that includes the host name in the URL you give Tradecloud`,
  );
}

export function assessValidity(c: CertificateContext): TlsCheck {
  const from = new Date(c.facts.validFrom);
  const to = new Date(c.facts.validTo);
  const now = c.now.getTime();
  if (from.getTime() > now) {
    return check(
      'cert.validity',
      'fail',
      `the certificate is not valid yet: it starts on ${day(from)}; install a certificate that is valid now, or check the server's clock`,
    );
  }
  if (to.getTime() < now) {
    const ago = Math.floor((now - to.getTime()) / DAY_MS);
    return check(
      'cert.validity',
      'fail',
      `the certificate expired on ${day(to)} (${plural(ago, 'day')} ago); renew it and install the new one`,
    );
  }
  for (const cert of c.served.slice(1)) {
    const end = parseCertificateDate(cert.validTo);
    const start = parseCertificateDate(cert.validFrom);
    if (end.getTime() < now || start.getTime() > now) {
      const when = end.getTime() < now ? `expired on ${day(end)}` : `is not valid before ${day(start)}`;
      return check(
        'cert.validity',
        'fail',
        `the chain certificate "${formatName(cert.subject)}" ${when}; install the current intermediate from your CA`,
      );
    }
  }
  const left = c.facts.daysLeft;
  if (left < WARN_DAYS) {
    return check(
      'cert.validity',
      'warn',
      `the certificate expires in ${plural(left, 'day')}, on ${day(to)}; renew it soon (Tradecloud cannot deliver once it has expired)`,
    );
  }
  return check('cert.validity', 'pass', `valid until ${day(to)} (${plural(left, 'day')} left)`);
}

export function assessKey(c: CertificateContext): TlsCheck {
  const { keyType, keyBits } = c.facts;
  const size = keyBits === null ? `${keyType} key` : `${keyType} key, ${keyBits} bits`;
  const weak =
    (keyType === 'RSA' && keyBits !== null && keyBits < 2048) ||
    (keyType === 'EC' && keyBits !== null && keyBits < 256);
  if (!weak) return check('cert.key', 'pass', size);
  return check(
    'cert.key',
    'warn',
    `the ${size}, is too weak (RSA needs at least 2048 bits, EC at least 256); use a stronger key when you renew the certificate`,
  );
}

// OpenSSL's names: md5WithRSAEncryption, sha1WithRSAEncryption, ecdsa-with-SHA1, dsa-with-SHA1.
const WEAK_HASH = /^(md2|md5|sha1)With|-with-(sha1)$/i;

export function assessSignature(c: CertificateContext): TlsCheck {
  // Root self-signatures are never checked by clients, so only the leaf and the intermediates count.
  const signed = c.served.filter((cert, i) => i === 0 || !isSelfSigned(cert));
  for (const [i, cert] of signed.entries()) {
    const algorithm = i === 0 ? c.facts.signatureAlgorithm : readSignatureAlgorithm(cert.raw);
    const hash = WEAK_HASH.exec(algorithm);
    if (!hash) continue;
    const which = i === 0 ? 'the certificate' : `the intermediate "${formatName(cert.subject)}"`;
    const digest = (hash[1] ?? hash[2] ?? '').toUpperCase().replace('SHA1', 'SHA-1');
    return check(
      'cert.signature',
      'warn',
      `${which} is signed with ${digest} (${algorithm}), which is broken and refused by current clients; have it reissued with SHA-256`,
    );
  }
  return check('cert.signature', 'pass', `signed with ${c.facts.signatureAlgorithm}`);
}
