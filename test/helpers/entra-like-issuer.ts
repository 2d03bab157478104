/**
 * Token issuers shaped like Microsoft Entra ID's, served over HTTPS on 127.0.0.1 (fixture
 * certificate): a v1 issuer `https://127.0.0.1:PORT/TENANT/` and a v2 issuer
 * `https://127.0.0.1:PORT/TENANT/v2.0`, each with its OpenID discovery document, sharing one
 * published key set. `sign()` makes tokens with any claims, including deliberately bad ones
 * (expired, wrong audience, a key that is not published).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { CERTS_DIR } from './receiver.js';

export const TENANT = '7d1c0b7e-2f1a-4b7e-9a57-6c2b1a0e9f10';
/** v2 tokens carry the API's client id as audience; v1 tokens its App ID URI. */
export const V2_AUDIENCE = '3f0b6a8e-55c1-4d0e-8d1e-1f7c9e2b4a61';
export const V1_AUDIENCE = 'api://tc-webhook-endpoint';
export const ROLE = 'Webhook.Deliver';

export interface EntraLikeIssuer {
  v1: string;
  v2: string;
  jwksUrl: string;
  /** A token signed with the published key (or, with `foreignKey`, a key of the same kid that is not published). */
  sign(claims: Record<string, unknown>, options?: { foreignKey?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export async function startEntraLikeIssuer(): Promise<EntraLikeIssuer> {
  const jose = await import('jose');
  const published = await jose.generateKeyPair('RS256', { extractable: true });
  const foreign = await jose.generateKeyPair('RS256', { extractable: true });
  const jwk = {
    ...(await jose.exportJWK(published.publicKey)),
    kid: 'entra-key-1',
    use: 'sig',
    alg: 'RS256',
  };

  const server = createServer({
    key: readFileSync(`${CERTS_DIR}good.key`),
    cert: readFileSync(`${CERTS_DIR}good-chain.pem`),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const v1 = `${origin}/${TENANT}/`;
  const v2 = `${origin}/${TENANT}/v2.0`;
  const jwksUrl = `${origin}/${TENANT}/discovery/v2.0/keys`;
  server.on('request', (req, res) => {
    const send = (value: unknown) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (req.url === `/${TENANT}/.well-known/openid-configuration`) send({ issuer: v1, jwks_uri: jwksUrl });
    else if (req.url === `/${TENANT}/v2.0/.well-known/openid-configuration`)
      send({ issuer: v2, jwks_uri: jwksUrl });
    else if (req.url === `/${TENANT}/discovery/v2.0/keys`) send({ keys: [jwk] });
    else res.writeHead(404).end();
  });

  return {
    v1,
    v2,
    jwksUrl,
    sign: async (claims, options = {}) => {
      const now = Math.floor(Date.now() / 1000);
      return new jose.SignJWT({ iat: now, nbf: now, exp: now + 3600, ...claims })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'entra-key-1' })
        .sign(options.foreignKey ? foreign.privateKey : published.privateKey);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
