import type { Dispatcher } from 'undici';
import { NetworkError } from '../../errors.js';
import { describeNetworkFailure } from '../net/network-failure.js';
import { postCapped, postTarget } from './post-capped.js';
import { USER_AGENT } from '../net/user-agent.js';

/** The OAuth 2.0 token endpoint gave no token: nothing can be sent. */
class TokenError extends NetworkError {
  static override readonly defaultCode = 'network.token';
}

export interface OAuthClient {
  tokenUrl: URL;
  clientId: string;
  clientSecret: string;
  scope: string | undefined;
}

export interface TokenSourceOptions {
  dispatcher: Dispatcher;
  timeoutMs: number;
  /** Milliseconds since the epoch; a parameter so tests control expiry. */
  now: () => number;
}

export interface TokenSource {
  /** A valid access token, fetched once and reused until shortly before it expires. */
  getToken(): Promise<string>;
  /** How many token requests were made (a whole burst should need one). */
  readonly fetches: number;
}

/** RFC 6749 §4.4 client credentials, form-encoded with the secret in the body (client_secret_post), as Tradecloud sends it. */
export function tokenRequestBody(client: OAuthClient): URLSearchParams {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: client.clientId,
    client_secret: client.clientSecret,
  });
  if (client.scope) form.set('scope', client.scope);
  return form;
}

export function createTokenSource(client: OAuthClient, options: TokenSourceOptions): TokenSource {
  let cached: { token: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;
  let fetches = 0;

  const fetchToken = async (): Promise<string> => {
    fetches++;
    const { token, expiresIn } = await requestToken(client, options);
    // Refresh a little before expiry (10% of the lifetime, at most a minute) so no request carries a stale token.
    const lifetimeMs = (expiresIn ?? Number.POSITIVE_INFINITY) * 1000;
    cached = { token, refreshAt: options.now() + lifetimeMs - Math.min(60_000, lifetimeMs / 10) };
    return token;
  };

  return {
    get fetches() {
      return fetches;
    },
    async getToken() {
      if (cached && options.now() < cached.refreshAt) return cached.token;
      // One request in flight, however many deliveries ask at once.
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}

async function requestToken(
  client: OAuthClient,
  options: TokenSourceOptions,
): Promise<{ token: string; expiresIn: number | undefined }> {
  const where = `token endpoint ${client.tokenUrl.href}`;
  const result = await postCapped(options.dispatcher, {
    target: postTarget(client.tokenUrl),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      'user-agent': USER_AGENT,
    },
    body: tokenRequestBody(client).toString(),
    timeoutMs: options.timeoutMs,
    keepBytes: 65_536,
    drainBytes: 0,
  });
  if (!result.answered) {
    const failure = describeNetworkFailure(result.error, options.timeoutMs);
    throw new TokenError(
      `cannot get a token from ${where}: ${failure.reason}`,
      'Check --token-url; a private CA can be trusted with --ca',
    );
  }
  const { status, contentType = '', text } = result.answer;
  let answer: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      answer = parsed as Record<string, unknown>;
  } catch {
    answer = undefined;
  }
  if (answer && typeof answer.error === 'string') {
    const detail = typeof answer.error_description === 'string' ? ` (${answer.error_description})` : '';
    const refused = ['invalid_client', 'unauthorized_client'].includes(answer.error) || status === 401;
    throw new TokenError(
      refused
        ? `${where} refused the client credentials: ${answer.error}${detail}`
        : `${where} answered HTTP ${status}: ${answer.error}${detail}`,
      refused
        ? 'Check --client-id and --client-secret (or TC_WEBHOOK_CLIENT_ID / TC_WEBHOOK_CLIENT_SECRET)'
        : 'Check --scope and the app registration',
    );
  }
  if (status < 200 || status > 299) {
    throw new TokenError(`${where} answered HTTP ${status}`, 'Check --token-url');
  }
  if (!answer) {
    const kind = contentType ? contentType.split(';')[0] : 'no content type';
    throw new TokenError(`${where} answered with ${kind}, not a JSON token response`, 'Check --token-url');
  }
  if (typeof answer.access_token !== 'string' || answer.access_token === '') {
    throw new TokenError(`${where} answered without an access_token`, 'Check --token-url and --scope');
  }
  const expiresIn = Number(answer.expires_in);
  return {
    token: answer.access_token,
    expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : undefined,
  };
}
