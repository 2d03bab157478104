import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarizeGrade } from '../../../src/core/doctor/assess-tls-grade.js';

test('the TLS grade is information: A+ and A pass, anything below A warns, it never fails', () => {
  assert.equal(summarizeGrade({ letter: 'A+', caps: [] }).status, 'pass');
  assert.equal(
    summarizeGrade({ letter: 'A', caps: [{ letter: 'A', reason: 'no HSTS', fix: 'send it' }] }).status,
    'pass',
  );
  const minus = summarizeGrade({
    letter: 'A-',
    caps: [
      { letter: 'A-', reason: 'the server prefers RSA key exchange', fix: 'put ECDHE first' },
      { letter: 'A', reason: 'no HSTS', fix: 'send it' },
    ],
  });
  assert.equal(minus.status, 'warn');
  assert.deepEqual(minus.details, ['A-: the server prefers RSA key exchange; put ECDHE first']);
  for (const letter of ['B', 'C', 'F', 'T', 'M'])
    assert.equal(summarizeGrade({ letter, caps: [] }).status, 'warn');
  assert.equal(summarizeGrade(undefined).status, 'skip');
});
