import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSecretMasker } from '../../../src/core/http/mask-secrets.js';

describe('createSecretMasker', () => {
  it('masks every occurrence, also URL-encoded and base64 forms', () => {
    const masker = createSecretMasker(['p@ss word!']);
    assert.equal(masker.mask('a p@ss word! b p@ss word!'), 'a *** b ***');
    assert.equal(masker.mask(`x=${encodeURIComponent('p@ss word!')}`), 'x=***');
    assert.equal(masker.mask(Buffer.from('p@ss word!').toString('base64')), '***');
  });

  it('masks secrets learnt later (an access token) and reports the longest length', () => {
    const masker = createSecretMasker([undefined, '']);
    assert.equal(masker.mask('nothing'), 'nothing');
    masker.add('tok-123456');
    assert.equal(masker.mask('Bearer tok-123456'), 'Bearer ***');
    assert.ok(masker.longest >= 'tok-123456'.length);
  });

  it('replaces a longer secret whole before a shorter one inside it', () => {
    const masker = createSecretMasker(['abcd', 'xxabcdxx']);
    assert.equal(masker.mask('xxabcdxx'), '***');
  });

  it('masks a very short secret only where it stands alone, so prose stays readable', () => {
    const masker = createSecretMasker(['y']);
    assert.equal(masker.mask('always sent as JSON'), 'always sent as JSON');
    assert.equal(masker.mask('client_secret=y&scope=x'), 'client_secret=***&scope=x');
    const dotted = createSecretMasker(['a.b']);
    assert.equal(dotted.mask('axb a.b'), 'axb ***');
  });
});
