import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  recognizeMicrosoftAuthority,
  tradecloudAuthWarnings,
} from '../../../src/core/http/oauth-authority.js';

describe('Microsoft identity platform authorities', () => {
  it('recognises Entra ID, ADFS and B2C token URLs', () => {
    const kind = (url: string) => recognizeMicrosoftAuthority(new URL(url));
    assert.equal(kind('https://login.microsoftonline.com/tenant/oauth2/v2.0/token'), 'entra-id');
    assert.equal(kind('https://adfs.contoso.com/adfs/oauth2/token'), 'adfs');
    assert.equal(
      kind('https://contoso.b2clogin.com/contoso.onmicrosoft.com/b2c_1_x/oauth2/v2.0/token'),
      'b2c',
    );
    assert.equal(
      kind('https://login.microsoftonline.com/tfp/contoso.onmicrosoft.com/b2c_1_x/oauth2/v2.0/token'),
      'b2c',
    );
    assert.equal(kind('https://auth.example.com/oauth/token'), undefined);
  });

  it('warns about OAuth and tXML for shipment webhooks and about other identity providers', () => {
    const warnings = tradecloudAuthWarnings({
      method: 'oauth2',
      tokenUrl: new URL('https://keycloak.example.com/realms/x/protocol/openid-connect/token'),
      types: ['shipment'],
      formats: ['txml'],
    });
    assert.equal(warnings.length, 3);
    assert.match(warnings[0]!, /does not offer OAuth for shipment/);
    assert.match(warnings[1]!, /does not offer tXML for shipment/);
    assert.match(warnings[2]!, /not a Microsoft identity platform authority/);
    assert.deepEqual(tradecloudAuthWarnings({ method: 'basic', types: ['order'], formats: ['txml'] }), []);
  });
});
