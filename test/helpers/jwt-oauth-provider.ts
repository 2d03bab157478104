/**
 * A real OAuth 2.0 authorization server (oidc-provider) over HTTPS (fixture certificate, trusted
 * through fixtures/certs/root-ca.pem) that issues JWT access tokens for one resource, the way
 * Microsoft Entra ID does for an API: client credentials in, a signed JWT with `iss`, `aud`,
 * `exp` and `scope` out, keys published at the jwks_uri of its discovery document.
 *
 *   const idp = await startJwtOAuthProvider();
 *   // listen --auth oauth2 --issuer idp.issuer --audience idp.audience --scope idp.scope --ca ROOT_CA_FILE
 *   // send-sample --auth oauth2 --token-url idp.tokenUrl --client-id idp.clientId --client-secret … --scope idp.scope
 *   await idp.close();
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { closeServer, postingClient, providerConfiguration } from './oidc-test-config.js';
import { CERTS_DIR } from './receiver.js';

export interface JwtOAuthProvider {
  issuer: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  /** The resource indicator, which becomes the tokens' `aud`. */
  audience: string;
  /** `listen` flags that accept this provider's tokens (add `--ca`). */
  listenFlags: string[];
  /** `send-sample` flags that fetch its tokens; the secret goes in TC_WEBHOOK_CLIENT_SECRET. */
  sendFlags: string[];
  close(): Promise<void>;
}

export async function startJwtOAuthProvider(): Promise<JwtOAuthProvider> {
  const clientId = 'tradecloud-webhook-jwt';
  const clientSecret = 'jwt-client-secret-S3cr3t-0123456789abcdef0123';
  const scope = 'webhook';
  const audience = 'api://tc-webhook-receiver';
  const { default: Provider } = await import('oidc-provider');

  const server = createServer({
    key: readFileSync(`${CERTS_DIR}good.key`),
    cert: readFileSync(`${CERTS_DIR}good-chain.pem`),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [postingClient(clientId, clientSecret, ['client_credentials'], scope)],
    scopes: [scope],
    ...providerConfiguration('idp-key-1', {
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope,
          audience,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'ES256' } },
        }),
      },
    }),
  });
  server.on('request', provider.callback());
  const tokenUrl = `${issuer}/token`;
  return {
    issuer,
    tokenUrl,
    clientId,
    clientSecret,
    scope,
    audience,
    listenFlags: ['--auth', 'oauth2', '--issuer', issuer, '--audience', audience, '--scope', scope],
    sendFlags: ['--auth', 'oauth2', '--token-url', tokenUrl, '--client-id', clientId, '--scope', scope],
    close: () => closeServer(server),
  };
}
