import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../../src/errors.js';
import { basicHeader, resolveCredentials, secretsOf } from '../../../src/core/http/auth-credentials.js';

describe('resolveCredentials', () => {
  it('names the flag and the environment variable of every missing credential', () => {
    assert.throws(
      () => resolveCredentials({ auth: 'basic', username: 'u' }),
      (error: unknown) =>
        error instanceof UsageError && /--password \(or TC_WEBHOOK_PASSWORD\)/.test(error.message),
    );
    assert.throws(() => resolveCredentials({ auth: 'bearer' }), /--token \(or TC_WEBHOOK_TOKEN\)/);
    assert.throws(
      () => resolveCredentials({ auth: 'oauth2', clientId: 'c' }),
      /--token-url and --client-secret \(or TC_WEBHOOK_CLIENT_SECRET\)/,
    );
  });

  it('rejects a colon in a basic user name and control characters in secrets', () => {
    assert.throws(
      () => resolveCredentials({ auth: 'basic', username: 'a:b', password: 'p' }),
      /cannot contain ":"/,
    );
    assert.throws(() => resolveCredentials({ auth: 'bearer', token: 'abc\n' }), /control character/);
  });

  it('builds the RFC 7617 header and lists the secrets to mask', () => {
    assert.equal(basicHeader('Aladdin', 'open sesame'), 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    const credentials = resolveCredentials({ auth: 'basic', username: 'Aladdin', password: 'open sesame' });
    assert.deepEqual(secretsOf(credentials), ['open sesame', 'Aladdin:open sesame']);
    assert.deepEqual(secretsOf(resolveCredentials({ auth: 'none', token: 'unused' })), []);
  });
});
