import { statusOf, type CapRule } from './cap-rule.js';

const REISSUE = 'reissue the certificate with a SHA-256 signature';

/** Trust (T), name (M) and signature caps (docs/tls-grade.md, "Caps"). SSL Labs shows T and M instead of a letter. */
export const CERTIFICATE_RULES: readonly CapRule[] = [
  {
    id: 'cert.self-signed',
    letter: 'T',
    applies: (i) => statusOf(i, 'cert.self-signed') === 'fail',
    reason: 'the certificate is self-signed',
    fix: 'use a certificate from a public CA',
  },
  {
    id: 'cert.untrusted',
    letter: 'T',
    applies: (i) => statusOf(i, 'cert.trusted') === 'fail' && statusOf(i, 'cert.self-signed') !== 'fail',
    reason: 'the certificate chain is not trusted',
    fix: 'serve a chain that leads to a public root (see cert.trusted and cert.chain)',
  },
  {
    id: 'cert.validity',
    letter: 'T',
    applies: (i) => statusOf(i, 'cert.validity') === 'fail',
    reason: 'the certificate is expired or not yet valid',
    fix: 'renew the certificate',
  },
  {
    id: 'cert.sha1',
    letter: 'T',
    applies: (i) => /sha1/i.test(i.signatureAlgorithm ?? ''),
    reason: 'the certificate is signed with SHA-1, which browsers no longer trust',
    fix: REISSUE,
  },
  {
    id: 'cert.hostname',
    letter: 'M',
    applies: (i) => statusOf(i, 'cert.hostname') === 'fail',
    reason: 'the certificate does not cover the host name',
    fix: 'use a certificate whose names include the host',
  },
  {
    id: 'cert.md5',
    letter: 'F',
    applies: (i) => /md[25]/i.test(i.signatureAlgorithm ?? ''),
    reason: 'the certificate is signed with MD5 or MD2',
    fix: REISSUE,
  },
];
