/**
 * A real OAuth 2.0 authorization server (oidc-provider) on 127.0.0.1 over plain http, for the
 * client-credentials flow Tradecloud uses:
 *
 *   const oauth = await startOAuthProvider();
 *   // token URL oauth.tokenUrl; client oauth.clientId / oauth.clientSecret; scope oauth.scope
 *   const receiver = await startReceiver({ auth: { type: 'oauth2', introspect: oauth.introspect } });
 *   oauth.tokenRequests;   // how many times the token endpoint was called
 *   await oauth.close();
 *
 * `introspect(token)` asks the provider's RFC 7662 introspection endpoint, as a resource server
 * would, whether an access token is active and carries the scope.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer, postingClient, providerConfiguration } from './oidc-test-config.js';

export interface OAuthProvider {
  issuer: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  /** Calls of the token endpoint so far. */
  readonly tokenRequests: number;
  introspect: (token: string) => Promise<boolean>;
  close(): Promise<void>;
}

/** Keeps tokens in this process only (the provider's own default adapter warns that it is for development). */
class MemoryAdapter {
  private static readonly store = new Map<string, { payload: Record<string, unknown>; expiresAt: number }>();
  constructor(private readonly model: string) {}
  private key(id: string) {
    return `${this.model}:${id}`;
  }
  upsert(id: string, payload: Record<string, unknown>, expiresIn: number) {
    MemoryAdapter.store.set(this.key(id), { payload, expiresAt: Date.now() + expiresIn * 1000 });
    return Promise.resolve();
  }
  find(id: string) {
    const entry = MemoryAdapter.store.get(this.key(id));
    return Promise.resolve(entry && entry.expiresAt > Date.now() ? entry.payload : undefined);
  }
  findByUserCode() {
    return Promise.resolve(undefined);
  }
  findByUid() {
    return Promise.resolve(undefined);
  }
  consume(id: string) {
    const entry = MemoryAdapter.store.get(this.key(id));
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
    return Promise.resolve();
  }
  destroy(id: string) {
    MemoryAdapter.store.delete(this.key(id));
    return Promise.resolve();
  }
  revokeByGrantId() {
    return Promise.resolve(undefined);
  }
}

const RESOURCE_SERVER = { id: 'webhook-receiver', secret: 'receiver-secret-0123456789abcdef0123456789' };

export async function startOAuthProvider(
  options: { clientId?: string; clientSecret?: string; scope?: string; accessTokenTtl?: number } = {},
): Promise<OAuthProvider> {
  const clientId = options.clientId ?? 'tradecloud-webhook';
  const clientSecret = options.clientSecret ?? 'client-secret-s3cr3t-0123456789abcdef0123456789';
  const scope = options.scope ?? 'webhook';
  const { default: Provider } = await import('oidc-provider');

  let tokenRequests = 0;
  // The issuer URL carries the port, so the provider is created after listening.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      postingClient(clientId, clientSecret, ['client_credentials'], scope),
      postingClient(RESOURCE_SERVER.id, RESOURCE_SERVER.secret, []),
    ],
    adapter: MemoryAdapter,
    scopes: [scope],
    ...providerConfiguration('test', {
      introspection: { enabled: true, allowedPolicy: () => Promise.resolve(true) },
    }),
    ttl: { ClientCredentials: options.accessTokenTtl ?? 600 },
  });
  const handle = provider.callback();
  server.on('request', (req, res) => {
    if (req.method === 'POST' && req.url === '/token') tokenRequests++;
    handle(req, res);
  });

  const introspect = async (token: string): Promise<boolean> => {
    const response = await fetch(`${issuer}/token/introspection`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token,
        client_id: RESOURCE_SERVER.id,
        client_secret: RESOURCE_SERVER.secret,
      }),
    });
    const result = (await response.json()) as { active?: boolean; scope?: string };
    return result.active === true && (result.scope ?? '').split(' ').includes(scope);
  };

  return {
    issuer,
    tokenUrl: `${issuer}/token`,
    clientId,
    clientSecret,
    scope,
    get tokenRequests() {
      return tokenRequests;
    },
    introspect,
    close: () => closeServer(server),
  };
}
