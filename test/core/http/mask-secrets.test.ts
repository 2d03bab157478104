import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSecretMasker } from '../../../src/core/http/mask-secrets.js';
import { echoBody, echoForms, leakedForms } from '../../helpers/echo-encodings.js';

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

describe('createSecretMasker: every encoding a server may echo', () => {
  const SECRETS = [
    'P\u00e4ss w0rd:+/="\'<&>',
    'S3cr\u00e9t with spaces',
    'a+b+S3',
    'tok:en/with+plus=and"quote',
    'emoji-\u{1F511}-key',
  ];
  for (const secret of SECRETS) {
    it(`masks ${JSON.stringify(secret)} in every form`, () => {
      const masker = createSecretMasker([secret, `user:${secret}`]);
      for (const [label, form] of Object.entries(echoForms(secret, 'user'))) {
        const masked = masker.mask(`before ${form} after`);
        assert.equal(masked, 'before *** after', `${label}: ${form} -> ${masked}`);
      }
      assert.deepEqual(leakedForms(masker.mask(echoBody(secret, 'user')), secret, 'user'), []);
      assert.ok(masker.longest >= Math.max(...Object.values(echoForms(secret, 'user')).map((f) => f.length)));
    });
  }

  it('a character escaped or not, independently, still matches (mixed encoders)', () => {
    const masker = createSecretMasker(['P\u00e4ssw0rd/x']);
    assert.equal(masker.mask('"P\\u00E4ssw0rd\\/x"'), '"***"');
    assert.equal(masker.mask('P%c3%A4ssw0rd%2Fx'), '***');
    assert.equal(masker.mask('P&#xe4;ssw0rd/x'), '***');
    assert.equal(masker.mask('P&#0228;ssw0rd/x'), '***');
  });

  it('user names and client ids are not secrets: a user name alone stays readable', () => {
    const masker = createSecretMasker(['hunter22', 'alice:hunter22']);
    assert.equal(masker.mask('user alice, password hunter22'), 'user alice, password ***');
  });
});
