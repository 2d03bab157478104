import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TlsCheck } from '../../../../src/core/tls/assess-types.js';
import type { CertificateFacts } from '../../../../src/core/tls/certificate-facts.js';
import { GRADE_ORDER } from '../../../../src/core/tls/grade/grade-types.js';
import type { VersionSuites } from '../../../../src/core/tls/grade/enumerate-suites.js';
import { meetsMinimum, rateGrade, type RateGradeInput } from '../../../../src/core/tls/grade/rate-grade.js';
import { findSuite } from '../../../../src/core/tls/grade/suite-catalog.js';
import type { TlsVersion } from '../../../../src/core/tls/probe-types.js';

const certificate = {
  keyType: 'RSA',
  keyBits: 2048,
  signatureAlgorithm: 'sha256WithRSAEncryption',
} as CertificateFacts;
const passing: TlsCheck[] = [];
const hsts = { present: true, maxAge: 31536000, includeSubDomains: true, preload: false };

function versionSuites(names: string[], serverOrder: boolean | null = true): VersionSuites {
  return { suites: names.map((n) => findSuite(n)!), serverOrder };
}

function input(
  suites: Partial<Record<TlsVersion, VersionSuites>>,
  extra: Partial<RateGradeInput> = {},
): RateGradeInput {
  return {
    protocols: {
      TLSv1: Boolean(suites.TLSv1),
      'TLSv1.1': Boolean(suites['TLSv1.1']),
      'TLSv1.2': Boolean(suites['TLSv1.2']),
      'TLSv1.3': Boolean(suites['TLSv1.3']),
    },
    unknownProtocols: [],
    ssl3: false,
    suites,
    negotiatedCipher: null,
    keyExchange: { groups: [{ name: 'X25519', bits: 253 }], dhBits: null, ocspStapling: false },
    certificate,
    checks: passing,
    hsts,
    sctCount: 0,
    ...extra,
  };
}

const capIds = (g: ReturnType<typeof rateGrade>) => g.caps.map((c) => c.id).sort();
const MODERN = ['ECDHE-RSA-AES128-GCM-SHA256'];

test('modern with HSTS: A+ with the published scores', () => {
  const g = rateGrade(input({ 'TLSv1.2': versionSuites(MODERN) }));
  assert.equal(g.letter, 'A+');
  assert.deepEqual(g.scores, { protocol: 100, keyExchange: 90, cipherStrength: 80, total: 89 });
});

test('each weak suite family gets its cap', () => {
  const cases: [string, string, string][] = [
    ['NULL-SHA', 'cipher.null', 'F'],
    ['ADH-AES128-SHA', 'cipher.anonymous', 'F'],
    ['EXP-RC4-MD5', 'cipher.export', 'F'],
    ['DES-CBC-SHA', 'cipher.under-112', 'F'],
    ['RC4-SHA', 'cipher.rc4-modern', 'C'],
  ];
  for (const [suite, id, letter] of cases) {
    const g = rateGrade(input({ 'TLSv1.2': versionSuites([...MODERN, suite]) }));
    const cap = g.caps.find((c) => c.id === id);
    assert.ok(cap, `${suite} → ${id}`);
    assert.equal(cap.letter, letter);
    const rank = (l: string) => GRADE_ORDER.indexOf(l as (typeof GRADE_ORDER)[number]);
    assert.ok(rank(g.letter) >= rank(letter), `${suite}: ${g.letter} is no better than ${letter}`);
  }
  const rc4Tls10 = rateGrade(input({ TLSv1: versionSuites(['RC4-SHA']), 'TLSv1.2': versionSuites(MODERN) }));
  assert.ok(capIds(rc4Tls10).includes('cipher.rc4'));
});

test('3DES with TLS 1.2: C, unless it is last in an enforced server order', () => {
  const first = rateGrade(input({ 'TLSv1.2': versionSuites(['DES-CBC3-SHA', ...MODERN]) }));
  assert.equal(first.letter, 'C');
  assert.ok(capIds(first).includes('cipher.64-bit-block'));
  const last = rateGrade(input({ 'TLSv1.2': versionSuites([...MODERN, 'DES-CBC3-SHA']) }));
  assert.ok(!capIds(last).includes('cipher.64-bit-block'));
  const clientOrder = rateGrade(input({ 'TLSv1.2': versionSuites([...MODERN, 'DES-CBC3-SHA'], false) }));
  assert.ok(capIds(clientOrder).includes('cipher.64-bit-block'));
});

test('no TLS 1.2: C; SSL 3.0: C; a DH group under 1024 bits: F', () => {
  assert.ok(
    capIds(rateGrade(input({ TLSv1: versionSuites(['ECDHE-RSA-AES128-SHA']) }))).includes(
      'protocol.no-tls12',
    ),
  );
  const ssl3 = rateGrade(input({ 'TLSv1.2': versionSuites(MODERN) }, { ssl3: true }));
  assert.equal(ssl3.letter, 'C');
  assert.equal(ssl3.scores.protocol, 90);
  const dh512 = rateGrade(
    input(
      { 'TLSv1.2': versionSuites(['DHE-RSA-AES128-GCM-SHA256']) },
      { keyExchange: { groups: [], dhBits: 512, ocspStapling: false } },
    ),
  );
  assert.equal(dh512.letter, 'F');
  assert.ok(capIds(dh512).includes('kx.insecure'));
});

test('an MD5-signed certificate: F; trust problems: T, with the letter ignoring trust', () => {
  const md5 = rateGrade(
    input(
      { 'TLSv1.2': versionSuites(MODERN) },
      { certificate: { ...certificate, signatureAlgorithm: 'md5WithRSAEncryption' } },
    ),
  );
  assert.equal(md5.letter, 'F');
  const untrusted = rateGrade(
    input(
      { 'TLSv1.2': versionSuites(MODERN) },
      { checks: [{ id: 'cert.trusted', status: 'fail', message: '' }] },
    ),
  );
  assert.equal(untrusted.letter, 'T');
  assert.equal(untrusted.letterIgnoringTrust, 'A');
});

test('minimum grades: A+ > A > A- > B … > F; T and M fail every minimum', () => {
  assert.equal(meetsMinimum('A+', 'A'), true);
  assert.equal(meetsMinimum('A-', 'A'), false);
  assert.equal(meetsMinimum('A', 'A-'), true);
  assert.equal(meetsMinimum('F', 'F'), true);
  assert.equal(meetsMinimum('E', 'D'), false);
  assert.equal(meetsMinimum('T', 'F'), false);
  assert.equal(meetsMinimum('M', 'F'), false);
});

test('nothing accepted and no key seen: F for what was observed (no handshake), not for a small key', () => {
  const g = rateGrade(
    input({}, { certificate: null, keyExchange: { groups: [], dhBits: null, ocspStapling: false } }),
  );
  assert.equal(g.letter, 'F');
  assert.deepEqual(
    g.caps.map((c) => c.id).filter((id) => id.startsWith('kx') || id.startsWith('protocol')),
    ['protocol.none'],
  );
  assert.equal(g.complete, true);
});

test('what is unknown makes the grade incomplete, and an incomplete grade meets no minimum', () => {
  const g = rateGrade(
    input(
      { 'TLSv1.3': versionSuites(['TLS_AES_128_GCM_SHA256'], null) },
      {
        unknown: ['TLS 1.2: no answer in time'],
        unknownProtocols: ['TLSv1.2'],
        minimum: 'F',
      },
    ),
  );
  assert.equal(g.complete, false);
  assert.deepEqual(g.unknown, ['TLS 1.2: no answer in time']);
  assert.deepEqual(g.minimum, { letter: 'F', met: false });
});
