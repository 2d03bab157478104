/**
 * What the two test authorization servers (oauth-provider.ts, jwt-oauth-provider.ts) configure
 * alike in oidc-provider: confidential clients that post their credentials in the body, as the
 * CLI does, and a signing key, cookie keys and the features every test provider has.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { Server } from 'node:http';

/** A client with `client_secret_post` and only the grants named (none for a resource server). */
export function postingClient(
  clientId: string,
  clientSecret: string,
  grants: string[],
  scope?: string,
): Record<string, unknown> {
  return {
    client_id: clientId,
    client_secret: clientSecret,
    grant_types: grants,
    redirect_uris: [],
    response_types: [],
    token_endpoint_auth_method: 'client_secret_post',
    id_token_signed_response_alg: 'ES256',
    ...(scope === undefined ? {} : { scope }),
  };
}

/**
 * A fresh P-256 signing key (generated in microseconds) under `kid`, cookie keys the client
 * credentials flow never uses, client credentials on and no interactive login. `features` adds
 * to those.
 */
export function providerConfiguration(
  kid: string,
  features: Record<string, unknown> = {},
): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), alg: 'ES256', use: 'sig', kid }] },
    cookies: { keys: ['test-cookie-key-not-used-for-client-credentials'] },
    features: { devInteractions: { enabled: false }, clientCredentials: { enabled: true }, ...features },
  };
}

/** Closes a provider's server, its kept-alive connections included. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
